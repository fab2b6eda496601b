package dev.tap.operator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * One plain-HTTP loopback address in front of a real API server, as {@code kubectl proxy} gives:
 * {@code /sandbox/v1/...} is answered by the sandbox, everything else is passed on with the admin's
 * credentials, watches streamed as they come. WebSocket upgrades are answered 503, as kubectl proxy
 * does; fabric8's and kubectl's clients then watch over plain HTTP.
 */
final class ApiProxy implements AutoCloseable {

  /** Hop-by-hop headers and what the upstream connection sets itself. */
  private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "transfer-encoding", "upgrade",
      "host", "content-length", "authorization", "accept-encoding", "proxy-connection", "te", "trailer");

  private final HttpClient upstream;
  private final URI target;
  private LoopbackHttp http;

  private ApiProxy(HttpClient upstream, URI target) {
    this.upstream = upstream;
    this.target = target;
  }

  /** {@code upstream} carries the admin's TLS client certificate for {@code target}. */
  static ApiProxy start(HttpClient upstream, URI target) throws IOException {
    ApiProxy proxy = new ApiProxy(upstream, target);
    proxy.http = LoopbackHttp.start("sandbox-proxy", proxy::handle);
    return proxy;
  }

  void serveControl(SandboxControl control) {
    http.serveControl(control);
  }

  String url() {
    return http.url();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (wantsWebSocket(exchange)) {
        send(exchange, 503, StatusResponses.failure(503, "ServiceUnavailable",
            "this address does not pass on protocol upgrades (WebSockets); watch over plain HTTP"));
      } else {
        pass(exchange);
      }
    } catch (IOException | RuntimeException e) {
      // The client went away mid-answer, or the API server did: answer if still possible, never crash.
      try {
        send(exchange, 502, StatusResponses.failure(502, "BadGateway", "the sandbox could not reach its API server: " + e));
      } catch (IOException | RuntimeException ignored) {
        // nothing left to tell
      }
    }
  }

  /** A WebSocket handshake (other upgrades, such as Vert.x's h2c, are dropped: the request passes as HTTP/1.1). */
  private static boolean wantsWebSocket(HttpExchange exchange) {
    List<String> upgrade = exchange.getRequestHeaders().get("Upgrade");
    return upgrade != null && upgrade.stream().anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("websocket"));
  }

  private void pass(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    URI uri = target.resolve(exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
    byte[] body = exchange.getRequestBody().readAllBytes();
    HttpRequest.Builder request = upstream.newHttpRequestBuilder().uri(uri);
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    String method = exchange.getRequestMethod();
    if (!"GET".equals(method)) {
      request.method(method, contentType == null ? "application/json" : contentType, new ByteArrayInputStream(body),
          (long) body.length);
    }
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.equalsIgnoreCase("Content-Type")) {
        values.forEach(value -> request.header(name, value));
      }
    });
    if (query != null && (query.contains("watch=true") || query.contains("watch=1") || query.contains("follow=true"))) {
      request.forStreaming();
    }
    OutputStream out = exchange.getResponseBody();
    HttpResponse<AsyncBody> response;
    try {
      response = upstream.consumeBytes(request.build(), (buffers, stream) -> {
        // Called only after the headers below are sent: the body flows once consume() is asked for.
        for (ByteBuffer buffer : buffers) {
          byte[] bytes = new byte[buffer.remaining()];
          buffer.get(bytes);
          out.write(bytes);
        }
        out.flush();
        stream.consume();
      }).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    }
    response.headers().forEach((name, values) -> {
      if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
        exchange.getResponseHeaders().put(name, values);
      }
    });
    boolean noBody = "HEAD".equals(method) || response.code() == 204 || response.code() == 304;
    exchange.sendResponseHeaders(response.code(), noBody ? -1 : 0);
    try {
      response.body().consume();
      response.body().done().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      response.body().cancel();
    } catch (ExecutionException e) {
      response.body().cancel();
    }
  }

  private static void send(HttpExchange exchange, int code, JsonNode body) throws IOException {
    LoopbackHttp.sendJson(exchange, code, body);
  }

  @Override
  public void close() {
    http.close();
  }
}
