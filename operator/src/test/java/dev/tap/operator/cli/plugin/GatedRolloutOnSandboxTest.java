package dev.tap.operator.cli.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.Samples;
import dev.tap.operator.api.v1alpha1.AlarmStatus;
import dev.tap.operator.api.v1alpha1.RolloutStatus;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.sandbox.Sandbox;
import dev.tap.operator.sandbox.ServedSandbox;
import dev.tap.operator.sandbox.load.LoadReport;
import dev.tap.operator.sandbox.load.LoadRun;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * samples/prod-gated.yaml served with steady load on a clock 10 times faster: a healthy canary passes
 * its gate and waits at the approval step until kubectl tap promote, failing no request; a version
 * failing a fifth of its invocations is sent back by its gate while no alarm of the alias fires; a
 * version failing its pre-traffic check is sent back before any request reaches it through the stage; a
 * healthy one passes it, and its post-traffic check through the stage ends its rollout.
 */
class GatedRolloutOnSandboxTest {

  private static final int RPS = 20;

  @TempDir
  Path dir;

  @Test
  void the_gate_the_approval_step_and_the_pre_traffic_check_hold_each_rollout_to_the_new_version_s_own_results()
      throws Exception {
    Path kubeconfig = dir.resolve("sandbox.kubeconfig");
    try (ServedSandbox sandbox = new ServedSandbox(new Sandbox.Options(List.of(Samples.DIRECTORY.resolve("prod-gated.yaml")),
        Duration.ofSeconds(60), false, true, kubeconfig, Sandbox.ApiServer.EMBEDDED).atClockSpeed(10))) {
      var resource = sandbox.resource("default", "tap");
      URI stage = URI.create(sandbox.stageUrl());
      new LoadRun(stage).run(RPS, Duration.ofSeconds(1));

      // (1) Healthy: the 10 % step's 5 minutes (30 s here), its gate passed, then the wait for approval.
      CompletableFuture<LoadReport.Summary> healthyLoad = load(stage, Duration.ofSeconds(40));
      sandbox.setCode("default", "tap", "handler/tap-handler-1.1.0.jar");
      await().atMost(Duration.ofSeconds(90)).until(() -> message(resource.get()).contains("waiting for approval"));
      assertThat(resource.get().getStatus().getFunction().getServing()).isEqualTo("1→2 (10%)");
      assertThat(resource.get().getStatus().getRollout().getGates()).singleElement()
          .satisfies(g -> assertThat(g.getResult()).isEqualTo("Passed"));
      assertThat(tap(kubeconfig, "promote")).contains("asked the operator to move version 2 to its next step now");
      await().atMost(Duration.ofSeconds(30)).until(() -> "2".equals(resource.get().getStatus().getFunction().getServing()));
      LoadReport.Summary healthy = healthyLoad.get();
      System.out.printf("healthy gated canary: %s%n", healthy);
      assertThat(healthy.failed()).as(healthy.toString()).isZero();
      assertThat(healthy.byVersion()).containsKeys("1", "2");

      // (2) A fifth of version 3's invocations fail: its gate sends it back, no alarm of the alias in ALARM.
      assertThat(sandbox.control("PUT", "faults/tap-api-prod/3", "{\"errorPercent\": 20}").statusCode()).isEqualTo(200);
      CompletableFuture<LoadReport.Summary> failingLoad = load(stage, Duration.ofSeconds(30));
      sandbox.setCode("default", "tap", "handler/tap-handler-1.2.0.jar");
      await().atMost(Duration.ofSeconds(60)).until(() -> RolloutStatus.ROLLED_BACK.equals(phase(resource.get())));
      ServerlessApi back = resource.get();
      List<String> firing = back.getStatus().getAlarms().stream().filter(a -> "ALARM".equals(a.getState()))
          .map(AlarmStatus::getName).toList();
      LoadReport.Summary failing = failingLoad.get();
      var gate = back.getStatus().getRollout().getGates().get(0);
      System.out.printf("version 3 failing 20%%: %s; rolled back by %s: %s%% errors over %d requests%n", failing,
          back.getStatus().getRollout().getAlarm(), gate.getValue(), gate.getRequests());
      assertThat(back.getStatus().getRollout().getAlarm()).isEqualTo("analysis gate ErrorRate");
      assertThat(firing).as("no alarm fired before the gate").isEmpty();
      assertThat(back.getStatus().getFunction().getServing()).isEqualTo("2");

      // (3) Version 4 fails its pre-traffic check: back before a single request reaches it through the stage.
      assertThat(sandbox.control("PUT", "faults/tap-api-prod/4", "{\"errorPercent\": 100}").statusCode()).isEqualTo(200);
      CompletableFuture<LoadReport.Summary> checkedLoad = load(stage, Duration.ofSeconds(8));
      sandbox.mergePatch("default", "tap", """
          {"spec": {"function": {"code": {"s3Key": "handler/tap-handler-1.3.0.jar"}, "deployment": {
            "trafficChecks": [{"path": "/items", "expectStatus": 200}]}}}}""");
      // One read: the phase and the target of two reads may belong to version 3's rollback and version 4's start.
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        ServerlessApi api = resource.get();
        return RolloutStatus.ROLLED_BACK.equals(phase(api)) && "4".equals(api.getStatus().getRollout().getTargetVersion());
      });
      RolloutStatus checked = resource.get().getStatus().getRollout();
      LoadReport.Summary afterCheck = checkedLoad.get();
      assertThat(checked.getChecks()).singleElement().satisfies(c -> {
        assertThat(c.getPhase()).isEqualTo("PreTraffic");
        assertThat(c.getResult()).isEqualTo("Failed");
      });
      assertThat(afterCheck.byVersion()).as("no request reached version 4 through the stage").doesNotContainKey("4");
      assertThat(afterCheck.failed()).isZero();
      assertThat(sandbox.output()).contains("PreTrafficChecksFailed");

      // (4) Version 5 passes its pre-traffic check, takes all traffic, and its post-traffic check goes through the stage.
      sandbox.setCode("default", "tap", "handler/tap-handler-1.4.0.jar");
      await().atMost(Duration.ofSeconds(60)).until(() -> "2→5 (10%)".equals(resource.get().getStatus().getFunction().getServing()));
      assertThat(tap(kubeconfig, "promote", "--full")).contains("asked the operator to give version 5 all traffic now");
      await().atMost(Duration.ofSeconds(60)).until(() -> "Succeeded".equals(phase(resource.get())));
      RolloutStatus verified = resource.get().getStatus().getRollout();
      assertThat(verified.getMessage()).endsWith("its post-traffic checks passed");
      assertThat(verified.getChecks()).extracting(c -> c.getPhase() + " " + c.getResult() + " " + c.getStatus())
          .containsExactly("PreTraffic Passed 200", "PostTraffic Passed 200");
    }
  }

  private static String message(ServerlessApi api) {
    return api.getStatus() == null || api.getStatus().getRollout() == null ? "" : api.getStatus().getRollout().getMessage();
  }

  private static String phase(ServerlessApi api) {
    return api.getStatus() == null || api.getStatus().getRollout() == null ? "" : api.getStatus().getRollout().getPhase();
  }

  private static String tap(Path kubeconfig, String... args) {
    KubectlTap.Said said = KubectlTap.run(kubeconfig, "default", "tap", args);
    assertThat(said.exit()).as(said.out()).isZero();
    return said.out();
  }

  private static CompletableFuture<LoadReport.Summary> load(URI url, Duration duration) {
    return ServedSandbox.load(url, RPS, duration);
  }
}
