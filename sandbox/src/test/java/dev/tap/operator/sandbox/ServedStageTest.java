package dev.tap.operator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tap.operator.Samples;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.sandbox.load.LoadReport;
import dev.tap.operator.sandbox.load.LoadRun;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
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

  private final StringWriter output = new StringWriter();
  private final HttpClient http = HttpClient.newHttpClient();
  private final CountDownLatch stop = new CountDownLatch(1);
  private CompletableFuture<Integer> sandbox;
  private KubernetesClient kubernetes;
  private URI control;

  @BeforeEach
  void serve() throws Exception {
    Path kubeconfig = dir.resolve("sandbox.kubeconfig");
    Sandbox.Options options = new Sandbox.Options(List.of(Samples.DIRECTORY.resolve("prod.yaml")),
        Duration.ofSeconds(60), false, true, kubeconfig, Sandbox.ApiServer.EMBEDDED);
    sandbox = CompletableFuture.supplyAsync(() -> {
      try {
        return new Sandbox(options, new PrintWriter(output, true), Map.of()).run(stop);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(kubeconfig) && output.toString().contains("Serving"));
    Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
    kubernetes = new KubernetesClientBuilder().withConfig(config).build();
    control = URI.create(config.getMasterUrl().replaceAll("/$", "") + "/sandbox/v1/aws");
  }

  @AfterEach
  void stop() throws Exception {
    stop.countDown();
    kubernetes.close();
    assertThat(sandbox.get()).isZero();
  }

  @Test
  void items_go_through_the_stage_to_the_alias_its_canary_takes_its_weight_and_the_stage_throttles() throws Exception {
    JsonNode stages = report().path("servedStages");
    assertThat(stages).hasSize(1);
    String url = stages.get(0).path("url").asText();
    assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/prod");
    assertThat(output.toString()).contains("serving stage prod of REST API tap-api-prod");

    HttpResponse<String> created = send("POST", url + "/items", "{\"name\":\"lamp\"}");
    assertThat(created.statusCode()).as(created.body() + "\n" + output).isEqualTo(201);
    assertThat(created.headers().firstValue(VERSION)).hasValue("1");
    String id = JSON.readTree(created.body()).path("id").asText();
    assertThat(send("GET", url + "/items/" + id, null).body()).contains("lamp");
    String etag = created.headers().firstValue("ETag").orElseThrow();
    assertThat(send("PUT", url + "/items/" + id, "{\"name\":\"desk lamp\"}", "If-Match", etag).statusCode())
        .isEqualTo(200);
    assertThat(send("GET", url + "/items", null).body()).contains("desk lamp");
    assertThat(send("DELETE", url + "/items/" + id, null).statusCode()).isEqualTo(204);
    assertThat(send("GET", url + "/items/" + id, null).statusCode()).isEqualTo(404);

    HttpResponse<String> unknown = send("GET", url + "/orders", null);
    assertThat(unknown.statusCode()).isEqualTo(403);
    assertThat(unknown.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    assertThat(send("DELETE", url + "/items", null).statusCode()).as("a method the API does not declare").isEqualTo(403);

    JsonNode first = report().path("invocations");
    assertThat(first).hasSize(1);
    assertThat(first.get(0).path("version").asText()).isEqualTo("1");
    assertThat(first.get(0).path("invocations").asInt()).isEqualTo(6);
    assertThat(first.get(0).path("coldStarts").asInt()).as("one request at a time: one environment, kept warm").isEqualTo(1);

    LoadReport.Summary load = new LoadRun(URI.create(url)).run(20, Duration.ofSeconds(3));
    assertThat(load.failed()).as(load.toString()).isZero();
    assertThat(load.byVersion()).containsExactly(Map.entry("1", 60L));

    // New code: a canary at 10 %, held for the sample's 5 minutes.
    kubernetes.resources(ServerlessApi.class).inNamespace("default").withName("tap").edit(api -> {
      api.getSpec().getFunction().getCode().setS3Key("handler/tap-handler-1.1.0.jar");
      return api;
    });
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      var function = kubernetes.resources(ServerlessApi.class).inNamespace("default").withName("tap").get()
          .getStatus().getFunction();
      return function.getCanaryWeight() != null && function.getCanaryWeight() > 0;
    });
    HttpResponse<String> item = send("POST", url + "/items", "{\"name\":\"chair\"}");
    String chair = JSON.readTree(item.body()).path("id").asText();
    int requests = 400;
    List<String> versions = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      HttpResponse<String> read = send("GET", url + "/items/" + chair, null);
      assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
      versions.add(read.headers().firstValue(VERSION).orElse("none"));
    }
    double canaryShare = versions.stream().filter("2"::equals).count() / (double) requests;
    System.out.printf("canary share over %d requests: %.3f%n", requests, canaryShare);
    // 10 % of 400: a standard deviation of 1.5 points; these bounds are 4 of them.
    assertThat(canaryShare).isBetween(0.04, 0.16);
    assertThat(versions).containsOnly("1", "2");

    // Throttling at one request a second with a burst of one: the second of two quick requests is refused.
    kubernetes.resources(ServerlessApi.class).inNamespace("default").withName("tap").edit(api -> {
      api.getSpec().getApi().getThrottling().setRateLimit(1.0);
      api.getSpec().getApi().getThrottling().setBurstLimit(1);
      return api;
    });
    await().atMost(Duration.ofSeconds(30)).until(() ->
        IntStream.range(0, 3).mapToObj(i -> send("GET", url + "/items/" + chair, null)).anyMatch(r -> r.statusCode() == 429));
    HttpResponse<String> throttled = IntStream.range(0, 3).mapToObj(i -> send("GET", url + "/items/" + chair, null))
        .filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
    assertThat(throttled.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
  }

  private JsonNode report() throws Exception {
    return JSON.readTree(http.send(HttpRequest.newBuilder(control).build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  private HttpResponse<String> send(String method, String url, String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + url, e);
    }
  }
}
