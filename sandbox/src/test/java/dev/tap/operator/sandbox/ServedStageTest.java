package dev.tap.operator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tap.operator.Samples;
import dev.tap.operator.sandbox.load.LoadReport;
import dev.tap.operator.sandbox.load.LoadRun;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production sample served: requests through the stage's routes and throttling to the alias, the
 * packaged handler running in Lambda environments against dynalite.
 */
class ServedStageTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VERSION = "X-Tap-Function-Version";

  @TempDir
  Path dir;

  private ServedSandbox sandbox;

  @BeforeEach
  void serve() throws Exception {
    sandbox = new ServedSandbox(new Sandbox.Options(List.of(Samples.DIRECTORY.resolve("prod.yaml")),
        Duration.ofSeconds(60), false, true, dir.resolve("sandbox.kubeconfig"), Sandbox.ApiServer.EMBEDDED));
  }

  @AfterEach
  void stop() throws Exception {
    assertThat(sandbox.stop()).isZero();
  }

  @Test
  void items_go_through_the_stage_to_the_alias_its_canary_takes_its_weight_and_the_stage_throttles() throws Exception {
    String url = sandbox.stageUrl();
    assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/prod");
    assertThat(sandbox.output()).contains("serving stage prod of REST API tap-api-prod");

    HttpResponse<String> created = sandbox.send("POST", url + "/items", "{\"name\":\"lamp\"}");
    assertThat(created.statusCode()).as(created.body() + "\n" + sandbox.output()).isEqualTo(201);
    assertThat(created.headers().firstValue(VERSION)).hasValue("1");
    String id = JSON.readTree(created.body()).path("id").asText();
    assertThat(sandbox.send("GET", url + "/items/" + id, null).body()).contains("lamp");
    String etag = created.headers().firstValue("ETag").orElseThrow();
    assertThat(sandbox.send("PUT", url + "/items/" + id, "{\"name\":\"desk lamp\"}", "If-Match", etag).statusCode())
        .isEqualTo(200);
    assertThat(sandbox.send("GET", url + "/items", null).body()).contains("desk lamp");
    assertThat(sandbox.send("DELETE", url + "/items/" + id, null).statusCode()).isEqualTo(204);
    assertThat(sandbox.send("GET", url + "/items/" + id, null).statusCode()).isEqualTo(404);

    HttpResponse<String> unknown = sandbox.send("GET", url + "/orders", null);
    assertThat(unknown.statusCode()).isEqualTo(403);
    assertThat(unknown.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    assertThat(sandbox.send("DELETE", url + "/items", null).statusCode()).as("a method the API does not declare").isEqualTo(403);

    JsonNode first = sandbox.report().path("invocations");
    assertThat(first).hasSize(1);
    assertThat(first.get(0).path("version").asText()).isEqualTo("1");
    assertThat(first.get(0).path("invocations").asInt()).isEqualTo(6);
    assertThat(first.get(0).path("coldStarts").asInt()).as("one request at a time: one environment, kept warm").isEqualTo(1);

    LoadReport.Summary load = new LoadRun(URI.create(url)).run(20, Duration.ofSeconds(3));
    assertThat(load.failed()).as(load.toString()).isZero();
    assertThat(load.byVersion()).containsExactly(Map.entry("1", 60L));

    // New code: a canary at 10 %, held for the sample's 5 minutes.
    sandbox.setCode("default", "tap", "handler/tap-handler-1.1.0.jar");
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      var function = sandbox.resource("default", "tap").get()
          .getStatus().getFunction();
      return function.getCanaryWeight() != null && function.getCanaryWeight() > 0;
    });
    // 400 requests at 50 a second, under the stage's 100: the canary's share of them.
    LoadReport.Summary canary = new LoadRun(URI.create(url)).run(50, Duration.ofSeconds(8));
    assertThat(canary.failed()).as(canary.toString()).isZero();
    assertThat(canary.byVersion().keySet()).containsOnly("1", "2");
    double canaryShare = canary.byVersion().get("2") / (double) canary.requests();
    System.out.printf("canary share over %d requests: %.3f%n", canary.requests(), canaryShare);
    // 10 % of 400: a standard deviation of 1.5 points; these bounds are 4 of them.
    assertThat(canaryShare).isBetween(0.04, 0.16);

    // Throttling at one request a second with a burst of one: the second of two quick requests is refused.
    sandbox.mergePatch("default", "tap", "{\"spec\":{\"api\":{\"throttling\":{\"rateLimit\":1,\"burstLimit\":1}}}}");
    await().atMost(Duration.ofSeconds(30)).until(() ->
        IntStream.range(0, 3).mapToObj(i -> sandbox.send("GET", url + "/items", null)).anyMatch(r -> r.statusCode() == 429));
    HttpResponse<String> throttled = IntStream.range(0, 3).mapToObj(i -> sandbox.send("GET", url + "/items", null))
        .filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
    assertThat(throttled.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
  }
}
