package dev.tap.operator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.sandbox.load.LoadReport;
import dev.tap.operator.sandbox.load.LoadRun;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/** A sandbox serving in the background for a test: its output, a client of its API, its control API and its stages. */
public final class ServedSandbox implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final StringWriter output = new StringWriter();
  private final HttpClient http = HttpClient.newHttpClient();
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CompletableFuture<Integer> sandbox;
  private final KubernetesClient kubernetes;
  private final URI control;

  /** Starts {@code options} (which must serve) and returns once every resource is Ready and it serves. */
  public ServedSandbox(Sandbox.Options options) throws Exception {
    sandbox = CompletableFuture.supplyAsync(() -> {
      try {
        return new Sandbox(options, new PrintWriter(output, true), Map.of()).run(stop);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(options.kubeconfig())
        && output.toString().contains("Serving"));
    Config config = Config.fromKubeconfig(Files.readString(options.kubeconfig()));
    kubernetes = new KubernetesClientBuilder().withConfig(config).build();
    control = URI.create(config.getMasterUrl().replaceAll("/$", "") + "/sandbox/v1/");
  }

  public String output() {
    return output.toString();
  }

  public KubernetesClient kubernetes() {
    return kubernetes;
  }

  public Resource<ServerlessApi> resource(String namespace, String name) {
    return kubernetes.resources(ServerlessApi.class).inNamespace(namespace).withName(name);
  }

  /**
   * A JSON merge patch of the resource, on whatever version the server holds: the operator writes status
   * all along, so an edit of a version read before may meet a 409.
   */
  public void mergePatch(String namespace, String name, String json) {
    resource(namespace, name).patch(PatchContext.of(PatchType.JSON_MERGE), json);
  }

  /** Points the function's code at S3 key {@code key}: a new version, so a rollout. */
  public void setCode(String namespace, String name, String key) {
    mergePatch(namespace, name, "{\"spec\":{\"function\":{\"code\":{\"s3Key\":\"" + key + "\"}}}}");
  }

  /** GET /sandbox/v1/aws. */
  public JsonNode report() throws Exception {
    return JSON.readTree(send("GET", control.resolve("aws").toString(), null).body());
  }

  /** The URL of the only stage served. */
  public String stageUrl() throws Exception {
    JsonNode stages = report().path("servedStages");
    assertThat(stages).hasSize(1);
    return stages.get(0).path("url").asText();
  }

  /** A call of the control API, such as {@code PUT faults/fn/3}. */
  public HttpResponse<String> control(String method, String path, String body) {
    return send(method, control.resolve(path).toString(), body);
  }

  public HttpResponse<String> send(String method, String url, String body, String... headers) {
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

  /** A steady load on {@code stage} in the background, {@code rps} requests a second for {@code duration}. */
  public static CompletableFuture<LoadReport.Summary> load(URI stage, int rps, Duration duration) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return new LoadRun(stage).run(rps, duration);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    });
  }

  /** Stops it and answers its exit code. */
  public int stop() throws Exception {
    stop.countDown();
    kubernetes.close();
    return sandbox.get();
  }

  @Override
  public void close() throws Exception {
    if (stop.getCount() > 0) {
      stop();
    }
  }
}
