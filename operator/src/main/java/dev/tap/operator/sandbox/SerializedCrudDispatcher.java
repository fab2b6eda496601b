package dev.tap.operator.sandbox;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * The CRUD store with one write at a time. The mock reads, changes and stores an object without
 * isolation, so two concurrent writes (a client's update and the operator's status patch) could
 * store a snapshot from before the other and lose it; a real API server refuses a stale write by its
 * resourceVersion instead.
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
