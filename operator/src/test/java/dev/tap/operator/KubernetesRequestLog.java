package dev.tap.operator;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every request an operator's Kubernetes client sends: method, path, query and body, in order. */
public final class KubernetesRequestLog implements Interceptor {

  /** One request as the API server received it. */
  public record Request(String method, String path, String query, String body) {
    public boolean writes() {
      return !"GET".equals(method);
    }
  }

  private final List<Request> requests = new CopyOnWriteArrayList<>();

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    requests.add(new Request(request.method(), request.uri().getPath(), request.uri().getQuery(), request.bodyString()));
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }
}
