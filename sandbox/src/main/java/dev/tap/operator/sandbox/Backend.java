package dev.tap.operator.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The CRUD store behind the sandbox's API front (fabric8's mock server), reached over loopback HTTP. */
final class Backend {

  /** What the store answered. */
  record Reply(int code, String contentType, String body) {}

  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Backend(URI base) {
    this.base = base;
  }

  Reply call(String method, String pathAndQuery, String body, Map<String, String> headers) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach((name, value) -> {
      if (value != null) {
        request.header(name, value);
      }
    });
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse("application/json"),
          response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling the store", e);
    }
  }

  Reply get(String path) throws IOException {
    return call("GET", path, null, Map.of("Accept", "application/json"));
  }
}
