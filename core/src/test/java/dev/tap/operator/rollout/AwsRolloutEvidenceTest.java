package dev.tap.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tap.operator.api.v1alpha1.CheckResult;
import dev.tap.operator.api.v1alpha1.TrafficCheck;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Post-traffic checks over HTTP, against a stage stand-in on a loopback port. */
class AwsRolloutEvidenceTest {

  private HttpServer stage;
  private final List<String> received = new ArrayList<>();

  @BeforeEach
  void serve() throws Exception {
    stage = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stage.createContext("/prod/", exchange -> {
      received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
          + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      boolean items = exchange.getRequestURI().getPath().equals("/prod/items");
      byte[] body = (items ? "{\"items\":[]}" : "{\"message\":\"Missing Authentication Token\"}").getBytes();
      exchange.sendResponseHeaders(items ? 200 : 403, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    stage.start();
  }

  @AfterEach
  void stop() {
    stage.stop(0);
  }

  private static TrafficCheck check(String method, String path, String body, int status, String contains) {
    TrafficCheck check = new TrafficCheck();
    check.setMethod(method);
    check.setPath(path);
    check.setBody(body);
    check.setExpectStatus(status);
    check.setExpectBodyContains(contains);
    return check;
  }

  @Test
  void each_check_is_sent_through_the_stage_and_judged_on_its_status_and_body() {
    URI url = URI.create("http://127.0.0.1:" + stage.getAddress().getPort() + "/prod");
    AwsRolloutEvidence evidence = new AwsRolloutEvidence(null, "tap-api-prod", "prod", "2", "prod", url, List.of(
        check(null, "/items?limit=1", null, 200, "items"),
        check("POST", "/orders", "{\"a\":1}", 200, null),
        check("GET", "/items", null, 200, "nextToken")));

    List<CheckResult> results = evidence.check(TrafficPhase.PostTraffic);

    assertThat(results).extracting(r -> r.getRequest() + " " + r.getResult() + " " + r.getStatus() + " " + r.getMessage())
        .containsExactly("GET /items?limit=1 Passed 200 null",
            "POST /orders Failed 403 answered 403, expected 200",
            "GET /items Failed 200 the body does not contain \"nextToken\"");
    assertThat(received).containsExactly("GET /prod/items?limit=1 ", "POST /prod/orders {\"a\":1}", "GET /prod/items ");
    assertThat(evidence.checked()).containsExactly(TrafficPhase.PostTraffic);
  }

  @Test
  void a_stage_that_does_not_answer_fails_the_check_saying_where() {
    int closed = stage.getAddress().getPort();
    stage.stop(0);
    AwsRolloutEvidence evidence = new AwsRolloutEvidence(null, "tap-api-prod", "prod", "2", "prod",
        URI.create("http://127.0.0.1:" + closed + "/prod"), List.of(check(null, "/items", null, 200, null)));

    assertThat(evidence.check(TrafficPhase.PostTraffic)).singleElement().satisfies(r -> {
      assertThat(r.getResult()).isEqualTo("Failed");
      assertThat(r.getMessage()).startsWith("no answer from http://127.0.0.1:" + closed + "/prod/items");
    });
  }
}
