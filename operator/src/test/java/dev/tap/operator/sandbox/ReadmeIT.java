package dev.tap.operator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tap.testsupport.Dynalite;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's shell snippets, run with bash as written (after the quick start's build), in a directory that
 * looks like a fresh checkout: the samples and the built jar, no node_modules, no kubeconfig.
 */
class ReadmeIT {

  private static final Path ROOT = Dynalite.PROJECT_ROOT;

  @TempDir
  Path dir;

  /** What one snippet printed (stdout and stderr together), and how it ended. */
  private record Run(int exit, String out) {}

  @Test
  void the_validate_examples_print_what_their_comments_say() throws Exception {
    Run run = bash(readme("validate samples/*.yaml").replace("/tmp/", dir + "/"), 60);

    assertThat(run.out()).contains("samples/dev.yaml: OK", "samples/dynalite.yaml: OK", "samples/prod.yaml: OK")
        .contains(dir + "/bad.yaml: spec.environment: does not match the regex pattern ^[a-z][a-z0-9-]{0,19}$")
        .contains(dir + "/renamed.yaml: spec.environment: environment is immutable: it is part of every AWS resource name");
  }

  @Test
  void the_wait_for_the_kubeconfig_ends_when_the_sandbox_exits_without_writing_one() throws Exception {
    String walkThrough = readme("sandbox samples/prod.yaml --serve &");
    String untilWritten = walkThrough.substring(0, walkThrough.indexOf("\nexport KUBECONFIG"))
        .replace("samples/prod.yaml", "samples/missing.yaml");

    Run run = bash(untilWritten + "\necho waited", 30);

    assertThat(run.out()).contains("samples/missing.yaml: no such file").contains("waited");
  }

  @Test
  void the_serve_walk_through_shows_the_patch_and_stops_with_sigterms_exit_code() throws Exception {
    assumeTrue(installed("kubectl", "version", "--client") && installed("curl", "--version"), "kubectl or curl missing");
    // A fresh checkout after the quick start's build: the handler's jar, npm's files but no node_modules.
    for (String file : List.of("package.json", "package-lock.json", "handler")) {
      Files.createSymbolicLink(dir.resolve(file), ROOT.resolve(file));
    }
    String script = readme("sandbox samples/prod.yaml --serve &") + "\n" + readme("$API/sandbox/v1/aws") + "\n"
        + readme("$STAGE/orders") + "\n" + readme("echo \"exit $?\"");

    Run run = bash(script, 300);

    assertThat(run.out()).contains("namespace/staging created", "serverlessapi.serverless.tap.dev/tap condition met")
        .containsPattern("UpdatedStage\\s+serverlessapi/tap\\s+REST API \\w+ stage prod: throttling/rateLimit 80.0\n")
        .contains("\"settings\":\"rate 80.0 burst 200")
        .contains("(server dry run)")
        .contains("dynalite: installing it with 'npm ci' in " + dir)
        .containsPattern("serving stage prod of REST API tap-api-prod \\(\\w+\\) at http://127\\.0\\.0\\.1:\\d+/prod")
        .contains("HTTP/1.1 201 Created", "X-tap-function-version: 1", "{\"message\":\"Missing Authentication Token\"}")
        .contains("200 requests, 0 failed", "served by version: 1 200")
        .contains("\"invocations\":[{\"region\":\"us-east-1\",\"function\":\"tap-api-prod\",\"version\":\"1\"")
        .contains("stopped; removed sandbox.kubeconfig\nexit 143");
    assertThat(dir.resolve("sandbox.kubeconfig")).doesNotExist();
  }

  @Test
  void the_rollout_under_load_walk_through_succeeds_then_rolls_back_the_failing_version() throws Exception {
    assumeTrue(installed("kubectl", "version", "--client") && installed("curl", "--version"), "kubectl or curl missing");
    for (String file : List.of("package.json", "package-lock.json", "handler", "bin")) {
      Files.createSymbolicLink(dir.resolve(file), ROOT.resolve(file));
    }

    Run run = bash(readme("--clock-speed 10 &"), 300);

    assertThat(run.out()).contains("1000 requests, 0 failed", "served by version: 1 ")
        .contains("rollout   Progressing: version 2 over 1, step 1 at 10 %; next step at ")
        .containsPattern("RolledBack: alias prod: alarm tap-[a-z-]+-prod fired \\(Threshold Crossed: 2 out of the last 2 datapoints")
        .containsPattern("tap +False +prod +2 ")
        .containsPattern("800 requests, [1-9]\\d* failed \\(HTTP 502: ")
        .contains("stopped; removed sandbox.kubeconfig");
  }

  @Test
  void the_kubectl_tap_walk_through_aborts_retries_and_promotes_without_moving_the_generation() throws Exception {
    assumeTrue(installed("kubectl", "version", "--client"), "kubectl missing");
    for (String file : List.of("package.json", "package-lock.json", "handler", "bin")) {
      Files.createSymbolicLink(dir.resolve(file), ROOT.resolve(file));
    }

    Run run = bash(readme("kubectl tap abort tap"), 180);

    assertThat(run.out()).contains("default/tap: asked the operator to abort the rollout of version 2",
        "default/tap: asked the operator to roll out version 2 again",
        "default/tap: asked the operator to give version 2 all traffic now")
        .contains("rollout   Progressing: version 2 over 1, step 1 at 10 %")
        .containsPattern("RolledBack: alias prod: alarm kubectl-tap-abort fired")
        .contains("version 2 over 1: Aborted at ", "version 2 over 1: Succeeded at ")
        .contains("\n2\n").contains("stopped; removed sandbox.kubeconfig");
  }

  @Test
  void dynamodb_on_dynalite_works_as_written_with_simulated_auto_scaling() throws Exception {
    for (String file : List.of("package.json", "package-lock.json")) {
      Files.createSymbolicLink(dir.resolve(file), ROOT.resolve(file));
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    Run run = bash(readme("node_modules/dynalite/cli.js").replace("4567", Integer.toString(port)), 180);

    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out()).contains("DynamoDB at http://127.0.0.1:" + port).contains("Ready=True (Synced")
        .contains("  scaling table/tap-items-local dynamodb:table:ReadCapacityUnits  2-20");
  }

  /** The README's {@code sh} block that holds {@code marker}, unindented. */
  private static String readme(String marker) throws IOException {
    Matcher blocks = Pattern.compile("```sh\n(.*?)\n\\s*```", Pattern.DOTALL)
        .matcher(Files.readString(ROOT.resolve("README.md")));
    while (blocks.find()) {
      if (blocks.group(1).contains(marker)) {
        return blocks.group(1).stripIndent();
      }
    }
    throw new AssertionError("README.md has no sh block with " + marker);
  }

  /** Runs a script with bash in the checkout-like directory, with this JVM's java first on the PATH. */
  private Run bash(String script, long timeoutSeconds) throws IOException, InterruptedException {
    Files.createSymbolicLink(dir.resolve("samples"), ROOT.resolve("samples"));
    Files.createSymbolicLink(dir.resolve("operator"), ROOT.resolve("operator"));
    Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
    Path out = Files.createTempFile("readme", ".out");
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(out.toFile());
    builder.environment().put("PATH", java.getParent() + File.pathSeparator + System.getenv("PATH"));
    builder.environment().remove("KUBECONFIG");
    Process process = builder.start();
    boolean finished;
    try {
      finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    } finally {
      // Whatever the snippet left in the background (a sandbox, dynalite) goes with it.
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
    }
    Run run = new Run(finished ? process.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8));
    Files.delete(out);
    assertThat(finished).as("ended within " + timeoutSeconds + " s:\n" + run.out()).isTrue();
    return run;
  }

  private static boolean installed(String... command) {
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
