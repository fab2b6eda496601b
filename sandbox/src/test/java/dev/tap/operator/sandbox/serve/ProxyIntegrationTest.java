package dev.tap.operator.sandbox.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tap.operator.sandbox.lambda.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void a_request_becomes_api_gateways_proxy_event() throws Exception {
    StageRequest request = new StageRequest("GET", "/items/abc", "limit=5&tag=a&tag=b",
        Map.of("Accept", List.of("application/json")), new byte[0], "127.0.0.1");
    var route = new StageRoutes.Match("/items/{id}", Map.of("id", "abc"), "uri");

    JsonNode event = JSON.readTree(ProxyIntegration.event(request, new ProxyIntegration.Context("123456789012",
        "a1b2c3", "prod", route, "req-1", Instant.ofEpochMilli(42))));

    assertThat(event.path("resource").asText()).isEqualTo("/items/{id}");
    assertThat(event.path("path").asText()).isEqualTo("/items/abc");
    assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("abc");
    assertThat(event.path("queryStringParameters").path("tag").asText()).isEqualTo("b");
    assertThat(event.path("multiValueQueryStringParameters").path("tag").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(event.path("headers").path("Accept").asText()).isEqualTo("application/json");
    assertThat(event.path("body").isNull()).isTrue();
    assertThat(event.at("/requestContext/path").asText()).isEqualTo("/prod/items/abc");
    assertThat(event.at("/requestContext/requestId").asText()).isEqualTo("req-1");
    assertThat(event.at("/requestContext/requestTimeEpoch").asLong()).isEqualTo(42);
  }

  @Test
  void a_binary_body_is_passed_base64_encoded() throws Exception {
    StageRequest request = new StageRequest("POST", "/items", null, Map.of(), new byte[] {(byte) 0xff, 0x00},
        "127.0.0.1");
    var route = new StageRoutes.Match("/items", Map.of(), "uri");

    JsonNode event = JSON.readTree(ProxyIntegration.event(request, new ProxyIntegration.Context("1", "a", "prod",
        route, "r", Instant.EPOCH)));

    assertThat(event.path("isBase64Encoded").asBoolean()).isTrue();
    assertThat(event.path("body").asText()).isEqualTo("/wA=");
    assertThat(event.path("pathParameters").isNull()).isTrue();
  }

  @Test
  void the_functions_answer_becomes_the_http_response() {
    GatewayResponse response = ProxyIntegration.response(new InvocationResult(
        "{\"statusCode\":201,\"headers\":{\"X-Tap-Function-Version\":\"3\"},\"body\":\"{\\\"id\\\":\\\"x\\\"}\"}", null));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.headers()).containsEntry("X-Tap-Function-Version", List.of("3"));
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"x\"}");
  }

  @Test
  void a_function_error_a_timeout_or_a_malformed_answer_is_a_502_with_api_gateways_body() {
    for (InvocationResult result : List.of(new InvocationResult("{\"errorType\":\"Boom\"}", "Boom"),
        new InvocationResult("{}", "Sandbox.Timedout"), new InvocationResult("not json", null),
        new InvocationResult("{\"body\":\"no status\"}", null))) {
      GatewayResponse response = ProxyIntegration.response(result);

      assertThat(response.status()).as(result.toString()).isEqualTo(502);
      assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"Internal server error\"}");
    }
  }
}
