package dev.tap.operator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tap.operator.Samples;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxTest {

  @TempDir
  Path dir;

  private final StringWriter output = new StringWriter();

  private int run(Sandbox.Options options, CountDownLatch stop) throws Exception {
    return new Sandbox(options, new PrintWriter(output, true), Map.of()).run(stop);
  }

  private static Sandbox.Options options(List<Path> files, Duration timeout, boolean json, boolean serve, Path kubeconfig) {
    return new Sandbox.Options(files, timeout, json, serve, kubeconfig, Sandbox.ApiServer.EMBEDDED);
  }

  @Test
  void json_output_holds_the_ready_resources_the_inventory_and_the_call_counts() throws Exception {
    int exit = run(options(List.of(Samples.DIRECTORY.resolve("staging.yaml")), Duration.ofSeconds(60), true, false, null),
        new CountDownLatch(1));

    JsonNode report = new ObjectMapper().readTree(output.toString());
    assertThat(exit).isZero();
    assertThat(report.at("/resources/0/status/conditions")).anySatisfy(c -> {
      assertThat(c.path("type").asText()).isEqualTo("Ready");
      assertThat(c.path("status").asText()).isEqualTo("True");
    });
    assertThat(report.at("/inventory/tables/0/name").asText()).isEqualTo("tap-items-staging");
    assertThat(report.at("/inventory/tables/0/indexes/0/name").asText()).isEqualTo("createdAt-index");
    assertThat(report.at("/inventory/targets")).hasSize(2);
    assertThat(report.at("/inventory/apis/0/invokeUrl").asText()).matches("https://\\w+\\.execute-api\\.us-east-1\\.amazonaws\\.com/staging");
    assertThat(report.at("/inventory/apis/0/settings").asText()).contains("rate 50.0", "burst 100", "logging INFO");
    assertThat(report.at("/simulatedAwsCalls/dynamodb:CreateTable").asInt()).isEqualTo(1);
  }

  @Test
  void an_invalid_document_is_rejected_like_the_api_server_would_and_the_exit_code_says_so() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"),
        Samples.toYaml(Samples.with(Samples.load("dev.yaml"), "spec.table.readCapacity", "0")));

    int exit = run(options(List.of(bad), Duration.ofSeconds(10), false, false, null), new CountDownLatch(1));

    assertThat(exit).isEqualTo(1);
    assertThat(output.toString()).contains(bad + ": rejected: spec.table.readCapacity: must have a minimum value of 1.0");
  }

  @Test
  void a_resource_applied_twice_is_refused_once_and_the_first_still_converges() throws Exception {
    Path dev = Samples.DIRECTORY.resolve("dev.yaml");

    int exit = run(options(List.of(dev, dev), Duration.ofSeconds(60), false, false, null), new CountDownLatch(1));

    assertThat(exit).isEqualTo(1);
    assertThat(output.toString()).contains("dev/tap: rejected by the API server: ServerlessApi 'tap' already exists")
        .contains("dev/tap: Ready=True");
  }

  @Test
  void a_resource_not_ready_in_time_fails_with_its_blocking_condition() throws Exception {
    int exit = run(options(List.of(Samples.DIRECTORY.resolve("prod.yaml")), Duration.ofMillis(1), false, false, null),
        new CountDownLatch(1));

    assertThat(exit).isEqualTo(1);
    assertThat(output.toString()).contains("timed out after").contains("default/tap: not ready");
  }

  @Test
  void kubectl_reads_the_served_api_with_the_crd_printer_columns() throws Exception {
    assumeTrue(kubectlInstalled(), "kubectl is not installed");
    Path kubeconfig = dir.resolve("kubectl.kubeconfig");
    CountDownLatch stop = new CountDownLatch(1);
    CompletableFuture<Integer> sandbox = serve(List.of(Samples.DIRECTORY.resolve("dev.yaml")), kubeconfig, stop);
    try {
      String table = kubectl(kubeconfig, "get", "sapi", "-A", "-o", "wide");

      assertThat(table.lines().findFirst().orElse("")).containsPattern("NAMESPACE\\s+NAME\\s+READY\\s+ENV\\s+VERSION\\s+ENDPOINT\\s+AGE\\s+SYNCED\\s+REASON");
      assertThat(table).containsPattern("dev\\s+tap\\s+True\\s+dev\\s+1\\s+https://\\w+\\.execute-api\\.us-east-1\\.amazonaws\\.com/dev\\s+\\S+\\s+True\\s+Synced");
    } finally {
      stop.countDown();
    }
    assertThat(sandbox.get()).isZero();
  }

  private static boolean kubectlInstalled() {
    try {
      return new ProcessBuilder("kubectl", "version", "--client").start().waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  private String kubectl(Path kubeconfig, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output + "\n-- the sandbox said:\n" + this.output).isZero();
    return output;
  }

  /** Runs the sandbox with --serve in the background until {@code stop}; returns once it serves. */
  private CompletableFuture<Integer> serve(List<Path> files, Path kubeconfig, CountDownLatch stop) {
    CompletableFuture<Integer> sandbox = CompletableFuture.supplyAsync(() -> {
      try {
        return run(options(files, Duration.ofSeconds(60), false, true, kubeconfig), stop);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(kubeconfig) && output.toString().contains("Serving"));
    return sandbox;
  }

  @Test
  void serve_writes_a_kubeconfig_through_which_other_tools_change_resources_while_it_runs() throws Exception {
    Path kubeconfig = dir.resolve("sandbox.kubeconfig");
    CountDownLatch stop = new CountDownLatch(1);
    CompletableFuture<Integer> sandbox = serve(List.of(Samples.DIRECTORY.resolve("dev.yaml")), kubeconfig, stop);

    try (KubernetesClient other = new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build()) {
      other.resources(ServerlessApi.class).inNamespace("dev").withName("tap").edit(api -> {
        api.getSpec().getTable().setReadCapacity(2L);
        return api;
      });
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        var table = other.resources(ServerlessApi.class).inNamespace("dev").withName("tap").get().getStatus().getTable();
        return table.getReadCapacity() == 2;
      });
    } finally {
      stop.countDown();
    }

    assertThat(sandbox.get()).isZero();
    assertThat(output.toString()).contains("UpdatedTable: table tap-items-dev: table capacity 1/1 -> 2/1");
  }
}
