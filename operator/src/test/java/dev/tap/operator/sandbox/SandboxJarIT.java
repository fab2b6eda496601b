package dev.tap.operator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tap.operator.Samples;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The built jar, as the README runs it: {@code java -jar operator/target/tap-operator.jar sandbox samples/X.yaml}. */
class SandboxJarIT {

  private static final Path JAR = Path.of("target", "tap-operator.jar");

  static final List<String> SAMPLES = List.of("dev.yaml", "staging.yaml", "prod.yaml");

  @TempDir
  Path dir;

  /** What one run of the jar printed, and how it ended. */
  private record Run(int exit, String out, String err) {}

  private Process start(Map<String, String> env, String... args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve("out").toFile())
        .redirectError(dir.resolve("err").toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  private Run finish(Process process) throws IOException, InterruptedException {
    boolean finished = process.waitFor(120, TimeUnit.SECONDS);
    Run run = new Run(finished ? process.exitValue() : -1, Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    assertThat(finished).as(run.toString()).isTrue();
    return run;
  }

  private Run run(String... args) throws IOException, InterruptedException {
    return finish(start(Map.of(), args));
  }

  @ParameterizedTest
  @FieldSource("SAMPLES")
  void the_sandbox_brings_every_sample_to_ready(String sample) throws IOException, InterruptedException {
    Run run = run("sandbox", Samples.DIRECTORY.resolve(sample).toString(), "--timeout", "60s");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Ready=True (Synced").contains("AWS inventory").contains("CreatedTable")
        .containsPattern("(?m)^\\S+\\s+tap\\s+True\\s+");
    assertThat(run.err()).as("nothing on stderr without --verbose").isEmpty();
  }

  @Test
  void files_it_cannot_use_are_one_clear_line_each_and_a_failure_without_a_stack_trace() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
    Path noSpec = Files.writeString(dir.resolve("nospec.yaml"),
        "apiVersion: serverless.tap.dev/v1alpha1\nkind: ServerlessApi\nmetadata: {name: x, namespace: dev}\n");
    Path missing = dir.resolve("missing.yaml");

    Run run = run("sandbox", missing.toString(), dir.toString(), empty.toString(), noSpec.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out().lines()).contains(missing + ": no such file", dir + ": is a directory; name the YAML files in it",
        empty + ": no ServerlessApi in the file (it is empty)",
        noSpec + ": rejected: spec: required field is missing");
    assertThat(run.out() + run.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void a_timeout_below_a_second_is_a_usage_error() throws Exception {
    for (String timeout : List.of("0s", "-5s", "500ms")) {
      Run run = run("sandbox", Samples.DIRECTORY.resolve("dev.yaml").toString(), "--timeout", timeout);

      assertThat(run.exit()).as(timeout).isEqualTo(2);
      assertThat(run.err()).contains("--timeout must be at least 1s, not '" + timeout + "'");
    }
  }

  @Test
  void a_signal_before_convergence_stops_at_once_says_so_and_leaves_no_kubeconfig() throws Exception {
    Path kubeconfig = dir.resolve("sandbox.kubeconfig");
    Process process = start(Map.of(), "sandbox", Samples.DIRECTORY.resolve("prod.yaml").toString(), "--serve",
        "--kubeconfig", kubeconfig.toString());
    await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(dir.resolve("out")).contains("/tap: applied"));

    long signalled = System.nanoTime();
    process.destroy();
    Run run = finish(process);

    assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(5));
    assertThat(run.exit()).as("as shells report SIGTERM").isEqualTo(143);
    assertThat(run.out()).contains("stopped before every resource was ready; nothing more to report, and no kubeconfig written");
    assertThat(kubeconfig).doesNotExist();
  }

  @Test
  void two_resources_naming_one_table_list_it_once_and_warnings_stay_off_stderr() throws Exception {
    Path twin = Files.writeString(dir.resolve("twin.yaml"),
        Files.readString(Samples.DIRECTORY.resolve("dev.yaml")).replace("namespace: dev", "namespace: dev2"));

    Run run = run("sandbox", Samples.DIRECTORY.resolve("dev.yaml").toString(), twin.toString(), "--timeout", "30s");

    assertThat(run.out()).contains("ACK.Terminal=True (NameCollision");
    assertThat(run.out().lines().filter(line -> line.startsWith("  table tap-items-dev "))).hasSize(1);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void an_unreachable_aws_endpoint_fails_like_any_resource_not_ready_without_a_stack_trace() throws Exception {
    Process process = start(Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:1",
        "AWS_ACCESS_KEY_ID", "x", "AWS_SECRET_ACCESS_KEY", "x"),
        "sandbox", Samples.DIRECTORY.resolve("dynalite.yaml").toString(), "--timeout", "3s");
    Run run = finish(process);

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("local/tap: the table could not be read from AWS: cannot reach AWS: ")
        .contains("timed out after 3 s")
        .contains("local/tap: not ready: Ready=False Retrying: table: cannot reach AWS: ");
    assertThat(run.out() + run.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void the_readmes_kubectl_walk_through_works_without_turning_validation_off() throws Exception {
    assumeTrue(kubectlInstalled(), "kubectl is not installed");
    Path kubeconfig = dir.resolve("walk.kubeconfig");
    Process sandbox = start(Map.of(), "sandbox", Samples.DIRECTORY.resolve("dev.yaml").toString(), "--serve",
        "--kubeconfig", kubeconfig.toString());
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(kubeconfig));
      String staging = Samples.DIRECTORY.resolve("staging.yaml").toString();
      // As on any cluster, a sample's namespace exists before it is applied there.
      assertThat(kubectl(kubeconfig, "create", "namespace", "staging")).contains("namespace/staging created");
      assertThat(kubectl(kubeconfig, "apply", "-f", staging)).contains("serverlessapi.serverless.tap.dev/tap created");
      assertThat(kubectl(kubeconfig, "apply", "-f", staging)).contains("serverlessapi.serverless.tap.dev/tap unchanged");
      assertThat(kubectl(kubeconfig, "explain", "serverlessapi.spec.table")).contains("autoScaling", "globalSecondaryIndexes");
      assertThat(kubectl(kubeconfig, "-n", "staging", "wait", "sapi/tap", "--for=condition=Ready", "--timeout=60s"))
          .contains("condition met");

      Process watch = new ProcessBuilder("kubectl", "--kubeconfig", kubeconfig.toString(), "-n", "dev", "get", "sapi", "-w",
          "--output-watch-events").redirectErrorStream(true).start();
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8))) {
        assertThat(lines.readLine()).containsPattern("EVENT\\s+NAME\\s+READY");
        assertThat(lines.readLine()).containsPattern("ADDED\\s+tap");
        kubectl(kubeconfig, "-n", "dev", "patch", "sapi", "tap", "--type", "merge", "-p", "{\"metadata\":{\"labels\":{\"w\":\"1\"}}}");
        assertThat(lines.readLine()).containsPattern("MODIFIED\\s+tap");
      } finally {
        watch.destroy();
      }

      assertThat(kubectl(kubeconfig, "-n", "staging", "delete", "sapi", "tap", "--dry-run=server")).contains("(server dry run)");
      assertThat(kubectl(kubeconfig, "-n", "staging", "get", "sapi", "tap")).containsPattern("tap\\s+True");
      assertThat(kubectl(kubeconfig, "-n", "dev", "describe", "sapi", "tap")).contains("CreatedTable");
      assertThat(kubectl(kubeconfig, "-n", "dev", "get", "events")).containsPattern("TYPE\\s+REASON")
          .containsPattern("Normal\\s+CreatedTable\\s+serverlessapi/tap");
      assertThat(kubectl(kubeconfig, "-n", "dev", "delete", "sapi", "tap", "--wait", "--timeout=60s")).contains("deleted");
      assertThat(kubectl(kubeconfig, "get", "sapi", "-A")).doesNotContain("dev ");
    } finally {
      sandbox.destroy();
    }
    Run run = finish(sandbox);
    assertThat(run.out()).contains("DeletedTable: deleted DynamoDB table tap-items-dev")
        .doesNotContain("DeletedTable: deleted DynamoDB table tap-items-staging");
    assertThat(kubeconfig).as("removed when the sandbox stops").doesNotExist();
  }

  private static boolean kubectlInstalled() {
    try {
      return new ProcessBuilder("kubectl", "version", "--client").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private String kubectl(Path kubeconfig, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(printed + "\n-- the sandbox said:\n" + Files.readString(dir.resolve("out"))).isZero();
    return printed;
  }
}
