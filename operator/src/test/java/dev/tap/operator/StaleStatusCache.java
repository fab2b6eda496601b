package dev.tap.operator;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays an informer cache the API server has moved past, on an operator's own client: while armed,
 * the status patches JOSDK computes against its cached copy are refused (sent to an object that is
 * not there), as a real server refuses a JSON patch whose indexes no longer exist, until the
 * operator writes a status whole ({@code replace /status}), which is what brings a cache up to date.
 */
final class StaleStatusCache implements Interceptor {

  private static final String WHOLE_STATUS = "[{\"op\":\"replace\",\"path\":\"/status\"";
  private volatile boolean stale;
  private final AtomicInteger refused = new AtomicInteger();

  void makeStale() {
    stale = true;
  }

  boolean isStale() {
    return stale;
  }

  /** Status patches refused so far. */
  int refused() {
    return refused.get();
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    String path = request.uri().getPath();
    if (!stale || !"PATCH".equals(request.method()) || !path.endsWith("/status")) {
      return;
    }
    String body = request.bodyString();
    if (body != null && body.startsWith(WHOLE_STATUS)) {
      stale = false;
      return;
    }
    refused.incrementAndGet();
    String elsewhere = path.substring(0, path.length() - "/status".length()) + "-not-there/status";
    builder.uri(URI.create(request.uri().toString().replace(path, elsewhere)));
  }
}
