package dev.tap.handler;

import dev.tap.testsupport.Dynalite;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever arrives, the handler answers, and never with a 5xx for the client's input. */
class HandlerPropertiesTest {

  private static Dynalite dynalite;
  private static TestApi api;
  private static String existingId;

  @BeforeContainer
  static void start() {
    dynalite = Dynalite.start();
    api = TestApi.on(dynalite);
    existingId = api.create("existing");
  }

  @AfterContainer
  static void stop() {
    dynalite.close();
  }

  @Property(tries = 400)
  void random_requests_never_get_a_5xx_nor_an_exception(@ForAll("requests") APIGatewayProxyRequestEvent request) {
    APIGatewayProxyResponseEvent response = api.handler.handleRequest(request, null);

    assertThat(response.getStatusCode()).isBetween(200, 499);
    assertThat(response.getHeaders()).containsKey("Access-Control-Allow-Origin");
  }

  @Provide
  Arbitrary<APIGatewayProxyRequestEvent> requests() {
    Arbitrary<String> methods = Arbitraries.oneOf(
        Arbitraries.of("GET", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "HEAD", "get"),
        Arbitraries.strings().ofMaxLength(10));
    Arbitrary<String> paths = Arbitraries.oneOf(
        Arbitraries.of("/items", "/items/", "/", "", "/items/" + existingId),
        Arbitraries.strings().ofMaxLength(40).map(s -> "/items/" + s),
        Arbitraries.strings().ofMaxLength(40));
    Arbitrary<Map<String, String>> headers = Combinators.combine(
        Arbitraries.of("application/json", "text/plain", "application/merge-patch+json", "", "application/json; x=y"),
        Arbitraries.oneOf(Arbitraries.of("\"1\"", "*", "W/\"1\"", "\"99999999999999999999\""), Arbitraries.strings().ofMaxLength(8)))
        .as((type, ifMatch) -> {
          Map<String, String> map = new HashMap<>();
          map.put("Content-Type", type);
          map.put("If-Match", ifMatch);
          return map;
        });
    Arbitrary<String> bodies = Arbitraries.oneOf(
        Arbitraries.of("{\"name\":\"ok\"}", "{\"name\":\"ok\",\"version\":1}", "{\"name\":1e999}", "{\"name\":\"x\",\"n\":-1e-999}",
            "{\"name\":\"x\",\"version\":-5}", "{\"name\":\"x\",\"version\":1.5}", "null", "{}", "[]", "{\"a\":"),
        Arbitraries.strings().ofMaxLength(60),
        Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ntrufalsname").ofMaxLength(60));
    Arbitrary<Map<String, String>> queries = Combinators.combine(
        Arbitraries.oneOf(Arbitraries.of("1", "100", "0", "1000000000000"), Arbitraries.strings().ofMaxLength(6)),
        Arbitraries.oneOf(Arbitraries.of("2025-03-01", "2025-02-30"), Arbitraries.strings().ofMaxLength(12)),
        Arbitraries.strings().ofMaxLength(30))
        .as((limit, day, token) -> {
          Map<String, String> map = new HashMap<>();
          map.put("limit", limit);
          map.put("createdDate", day);
          map.put("nextToken", token);
          return map;
        });
    return Combinators.combine(methods, paths, headers, bodies, queries, Arbitraries.of(true, false).injectNull(0.3))
        .as((method, path, header, body, query, base64) -> new APIGatewayProxyRequestEvent()
            .withHttpMethod(method).withPath(path).withHeaders(header).withBody(body)
            .withQueryStringParameters(query).withIsBase64Encoded(base64));
  }
}
