package dev.tap.operator.sandbox;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * The CRUD store with one write at a time: the mock reads, checks and stores an object in separate
 * steps, so two concurrent writes (a client's update and the operator's status patch) could both pass
 * the resourceVersion check. With writes in turn, a stale one gets its 409, as from a real API server.
 */
final class SerializedCrudDispatcher extends KubernetesCrudDispatcher {

  private final Object writes = new Object();

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if ("GET".equals(request.getMethod())) {
      return super.dispatch(request);
    }
    synchronized (writes) {
      return super.dispatch(request);
    }
  }
}
