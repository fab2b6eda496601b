package dev.tap.operator.cli.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.Samples;
import dev.tap.operator.api.v1alpha1.FunctionStatus;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.cli.TapOperatorCommand;
import dev.tap.operator.sandbox.Sandbox;
import dev.tap.operator.sandbox.ServedSandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import dev.tap.operator.sandbox.load.LoadReport;
import dev.tap.operator.sandbox.load.LoadRun;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * kubectl tap's commands on the served production sample (its clock 10 times faster) under load:
 * promote --full, abort, retry, pause, resume and promote, each acted on by the operator through
 * annotations alone, metadata.generation never moving, no request failing, status -w following it all.
 */
class TapPluginOnSandboxTest {

  @TempDir
  Path dir;

  private Path kubeconfig;

  private String tap(String... args) {
    KubectlTap.Said said = KubectlTap.run(kubeconfig, "default", "tap", args);
    assertThat(said.exit()).as(said.out()).isZero();
    return said.out();
  }

  @Test
  void promote_abort_retry_pause_resume_move_the_alias_history_lists_them_and_the_generation_stays() throws Exception {
    kubeconfig = dir.resolve("sandbox.kubeconfig");
    try (ServedSandbox sandbox = new ServedSandbox(new Sandbox.Options(List.of(Samples.DIRECTORY.resolve("prod.yaml")),
        Duration.ofSeconds(60), false, true, kubeconfig, Sandbox.ApiServer.EMBEDDED).atClockSpeed(10))) {
      var resource = sandbox.resource("default", "tap");
      URI stage = URI.create(sandbox.stageUrl());
      new LoadRun(stage).run(10, Duration.ofSeconds(1));
      CompletableFuture<LoadReport.Summary> load = ServedSandbox.load(stage, 10, Duration.ofSeconds(25));
      StringWriter watched = new StringWriter();
      CommandLine watch = TapOperatorCommand.commandLine();
      watch.setOut(new PrintWriter(watched, true));
      // A thread of its own: on 2 cores the common pool has one, and the load above holds it for 25 s.
      Thread watcher = new Thread(() -> watch.execute("tap", "status", "tap", "-w", "-n", "default", "--kubeconfig",
          kubeconfig.toString()), "status-w");
      watcher.setDaemon(true);
      watcher.start();

      sandbox.setCode("default", "tap", "handler/tap-handler-1.1.0.jar");
      long generation = resource.get().getMetadata().getGeneration();
      awaitFunction(sandbox, f -> "1→2 (10%)".equals(f.getServing()));
      assertThat(tap("promote", "--full")).contains("default/tap: asked the operator to give version 2 all traffic now");
      awaitFunction(sandbox, f -> "2".equals(f.getServing()));
      assertThat(resource.get().getStatus().getRolloutCommands()).containsKey("promote-full");

      sandbox.setCode("default", "tap", "handler/tap-handler-1.2.0.jar");
      long second = resource.get().getMetadata().getGeneration();
      awaitFunction(sandbox, f -> "2→3 (10%)".equals(f.getServing()));
      assertThat(tap("abort")).contains("asked the operator to abort the rollout of version 3");
      await().atMost(Duration.ofSeconds(30)).until(() -> "RolledBack".equals(resource.get().getStatus().getRollout().getPhase()));
      awaitFunction(sandbox, f -> "2".equals(f.getServing()));
      assertThat(sandbox.output()).contains("RolledBack: alias prod: alarm kubectl-tap-abort fired (aborted with kubectl tap abort)");

      assertThat(tap("retry")).contains("asked the operator to roll out version 3 again");
      awaitFunction(sandbox, f -> "2→3 (10%)".equals(f.getServing()));
      // -w looks each second, and pause, resume and promote can all land within one: the canary holds until -w saw it.
      await().atMost(Duration.ofSeconds(30)).until(() -> watched.toString().contains("serving   2→3 (10%)"));
      assertThat(tap("pause")).contains("paused its rollouts");
      await().atMost(Duration.ofSeconds(30)).until(() -> resource.get().getStatus().getRollout().getMessage()
          .endsWith(", paused"));
      assertThat(tap("resume")).contains("removed rollout.tap.dev/paused");
      assertThat(tap("promote")).contains("asked the operator to move version 3 to its next step now");
      awaitFunction(sandbox, f -> "3".equals(f.getServing()));

      LoadReport.Summary served = load.get();
      assertThat(served.failed()).as("no request fails through the commands: %s", served).isZero();
      // The end states last, so -w is sure to see them too.
      assertThat(watched.toString()).as("status -w followed the rollouts").contains("serving   2→3 (10%)")
          .contains("rollout   Succeeded: version 3 over 2").contains("serving   3");

      ServerlessApi last = resource.get();
      assertThat(last.getMetadata().getGeneration()).as("the commands never touch the spec").isEqualTo(second);
      assertThat(second).isEqualTo(generation + 1);
      assertThat(last.getStatus().getRolloutCommands()).containsOnlyKeys("promote-full", "abort", "retry", "promote");
      assertThat(sandbox.output()).contains("RetriedRollout: alias prod: version 3 is tried again");
      assertThat(tap("history")).contains("version 2 over 1: Succeeded at ")
          .contains("version 3 over 2: Aborted at ").contains("(kubectl tap abort)")
          .contains("version 3 over 2: Succeeded at ").containsPattern("10% at \\S+, 100% at ");
    }
  }


  private static void awaitFunction(ServedSandbox sandbox, Predicate<FunctionStatus> state) {
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      ServerlessApi api = sandbox.resource("default", "tap").get();
      return api.getStatus() != null && api.getStatus().getFunction() != null && state.test(api.getStatus().getFunction());
    });
  }
}
