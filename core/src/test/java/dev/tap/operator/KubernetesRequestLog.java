package dev.tap.operator;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.net.HttpURLConnection;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every request an operator's Kubernetes client sends (method, path, query and body, in order), and those refused as forbidden. */
public final class KubernetesRequestLog implements Interceptor {

  /** One request as the API server received it. */
  public record Request(String method, String path, String query, String body) {
    public boolean writes() {
      return !"GET".equals(method);
    }
  }

  /** A request the API server refused as forbidden (RBAC), with its answer's code. */
  public record Refusal(String method, String path, int code) {}

  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Refusal> forbidden = new CopyOnWriteArrayList<>();

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    requests.add(new Request(request.method(), request.uri().getPath(), request.uri().getQuery(), request.bodyString()));
  }

  @Override
  public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
    if (response.code() == HttpURLConnection.HTTP_FORBIDDEN) {
      forbidden.add(new Refusal(request.method(), request.uri().getPath(), response.code()));
    }
  }

  /** Every request answered 403 Forbidden. */
  public List<Refusal> forbidden() {
    return List.copyOf(forbidden);
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }
}
