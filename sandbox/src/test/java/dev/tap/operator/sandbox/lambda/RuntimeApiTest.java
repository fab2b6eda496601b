package dev.tap.operator.sandbox.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Runtime API as a runtime sees it: one event from /next, one answer back, unknown requests refused. */
class RuntimeApiTest {

  private static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:f";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void hands_out_a_queued_event_and_takes_its_response_once() throws Exception {
    try (RuntimeApi api = RuntimeApi.start(ARN)) {
      RuntimeApi.Invocation invocation = api.queue("{\"n\":1}", Duration.ofSeconds(3));

      HttpResponse<String> next = send(api, "GET", "invocation/next", null, null);
      assertThat(next.statusCode()).isEqualTo(200);
      assertThat(next.body()).isEqualTo("{\"n\":1}");
      assertThat(next.headers().firstValue("Lambda-Runtime-Aws-Request-Id")).hasValue(invocation.requestId());
      assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn")).hasValue(ARN);
      assertThat(Long.parseLong(next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow()))
          .isEqualTo(invocation.delivered().join());

      String path = "invocation/" + invocation.requestId() + "/error";
      assertThat(send(api, "POST", path, "{\"errorMessage\":\"boom\"}", "Function.Boom").statusCode()).isEqualTo(202);
      assertThat(invocation.result().join()).isEqualTo(new InvocationResult("{\"errorMessage\":\"boom\"}",
          "Function.Boom"));
      assertThat(send(api, "POST", path, "{}", null).statusCode()).as("already answered").isEqualTo(400);
      assertThat(send(api, "POST", "invocation/unknown/response", "{}", null).statusCode()).isEqualTo(400);
    }
  }

  @Test
  void reports_an_init_error() throws Exception {
    try (RuntimeApi api = RuntimeApi.start(ARN)) {
      assertThat(send(api, "POST", "init/error", "{\"errorMessage\":\"no\"}", "Runtime.Unknown").statusCode())
          .isEqualTo(202);
      assertThat(api.initError().join()).isEqualTo(new InvocationResult("{\"errorMessage\":\"no\"}",
          "Runtime.Unknown"));
    }
  }

  private HttpResponse<String> send(RuntimeApi api, String method, String path, String body, String errorType)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + api.address() + "/2018-06-01/runtime/"
        + path)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
    if (errorType != null) {
      request.header(RuntimeApi.ERROR_TYPE_HEADER, errorType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
