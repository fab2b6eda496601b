package dev.tap.operator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tap.operator.Samples;
import dev.tap.operator.api.v1alpha1.RolloutStatus;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.sandbox.load.LoadReport;
import dev.tap.operator.sandbox.load.LoadRun;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production sample served with steady load while its code changes, on a clock 10 times faster:
 * a healthy canary fails no request; a version whose every invocation fails is sent back by the alarm
 * its own metrics fire, within the alarm's detection time plus one reconcile; and when the stable
 * version fails, its fix rolls out while the alarms it fired still fire (fix-forward).
 */
class RolloutUnderLoadTest {

  private static final int SPEED = 10;
  private static final int RPS = 20;
  /** prod.yaml's lambdaErrors alarm, which the rollout alarm of the new version copies: 2 periods of 60 s. */
  private static final Duration DETECTION = Duration.ofSeconds(2 * 60);

  @TempDir
  Path dir;

  @Test
  void a_healthy_canary_fails_no_request_a_failing_version_is_rolled_back_by_its_metrics_and_its_fix_rolls_out() throws Exception {
    try (ServedSandbox sandbox = new ServedSandbox(new Sandbox.Options(List.of(Samples.DIRECTORY.resolve("prod.yaml")),
        Duration.ofSeconds(60), false, true, dir.resolve("sandbox.kubeconfig"), Sandbox.ApiServer.EMBEDDED)
        .atClockSpeed(SPEED))) {
      URI url = URI.create(sandbox.stageUrl());
      new LoadRun(url).run(RPS, Duration.ofSeconds(2));

      // (1) Healthy new code: 10 % for the sample's 5 minutes (30 s here), then all of it.
      CompletableFuture<LoadReport.Summary> healthyLoad = load(url, Duration.ofSeconds(45));
      sandbox.setCode("default", "tap", "handler/tap-handler-1.1.0.jar");
      await().atMost(Duration.ofSeconds(30)).until(() -> canaryOf(sandbox, "2"));
      Map<String, Long> atCanaryStart = invocations(sandbox);
      await().atMost(Duration.ofSeconds(60)).until(() -> stableIs(sandbox, "2"));
      Map<String, Long> atCanaryEnd = invocations(sandbox);
      LoadReport.Summary healthy = healthyLoad.get();
      long toCanary = atCanaryEnd.getOrDefault("2", 0L) - atCanaryStart.getOrDefault("2", 0L);
      long toStable = atCanaryEnd.getOrDefault("1", 0L) - atCanaryStart.getOrDefault("1", 0L);
      double share = toCanary / (double) (toCanary + toStable);
      System.out.printf("healthy canary: %s; canary share %.3f of %d requests; cold starts of version 2: %d%n",
          healthy, share, toCanary + toStable, coldStarts(sandbox, "2"));
      assertThat(healthy.failed()).as(healthy.toString()).isZero();
      // About 300 requests at 10 %: 1.7 points of standard deviation; these bounds are 4 of them.
      assertThat(share).isBetween(0.03, 0.17);
      assertThat(healthy.byVersion()).containsKeys("1", "2");
      await("version 1's environments stop once no alias routes to it").atMost(Duration.ofSeconds(10))
          .until(() -> countOf(sandbox, "1", "environments") == 0);

      // (2) A version whose every invocation fails, named before it exists: its alarm sends all traffic back.
      assertThat(sandbox.control("PUT", "faults/tap-api-prod/3", "{\"errorPercent\": 100}").statusCode()).isEqualTo(200);
      CompletableFuture<LoadReport.Summary> failingLoad = load(url, Duration.ofSeconds(40));
      sandbox.setCode("default", "tap", "handler/tap-handler-1.2.0.jar");
      await().atMost(Duration.ofSeconds(30)).until(() -> errorsOf(sandbox, "3") > 0);
      long firstFailure = System.nanoTime();
      await().atMost(Duration.ofSeconds(60)).until(() -> rolledBack(sandbox));
      Duration toRollback = Duration.ofNanos((System.nanoTime() - firstFailure) * SPEED);
      LoadReport.Summary failing = failingLoad.get();
      // A first period only partly failing may not breach: one period more, then the minute's evaluation and a reconcile.
      Duration bound = DETECTION.plus(Duration.ofSeconds(60)).plus(Duration.ofSeconds(60))
          .plus(Sandbox.settings(SPEED).pollInterval());
      System.out.printf("failing version: %s; time to rollback %d s of the sandbox's clock (bound %d s)%n", failing,
          toRollback.toSeconds(), bound.toSeconds());
      ServerlessApi api = sandbox.resource("default", "tap").get();
      assertThat(api.getStatus().getRollout().getAlarm()).as("rolled back by an alarm").isNotBlank();
      assertThat(api.getStatus().getFunction().getStableVersion()).isEqualTo("2");
      assertThat(toRollback).isLessThanOrEqualTo(bound);
      assertThat(failing.failedByCause().keySet()).containsOnly("HTTP 502");
      assertThat(failing.failed()).isEqualTo(errorsOf(sandbox, "3"));
      assertThat(sandbox.output()).doesNotContain("sandbox/v1/alarms");

      // (3) Fix-forward: the stable version 2 starts failing a third of its invocations and fires the alarms;
      // its fix rolls out all the same, and is not rolled back by alarms that fired before it started.
      assertThat(sandbox.control("PUT", "faults/tap-api-prod/2", "{\"errorPercent\": 30}").statusCode()).isEqualTo(200);
      CompletableFuture<LoadReport.Summary> fixLoad = load(url, Duration.ofSeconds(60));
      // Both alarms of the alias, not the first one only: the other going to ALARM after version 4 started
      // would count against version 4, as the fix-forward rule says.
      await().atMost(Duration.ofSeconds(40)).until(() -> firing(sandbox).containsAll(
          List.of("tap-api-errors-prod", "tap-lambda-errors-prod")));
      sandbox.setCode("default", "tap", "handler/tap-handler-1.3.0.jar");
      await().atMost(Duration.ofSeconds(30)).until(() -> canaryOf(sandbox, "4"));
      List<String> firingAtStart = firing(sandbox);
      await().atMost(Duration.ofSeconds(60)).until(() -> stableIs(sandbox, "4"));
      LoadReport.Summary fix = fixLoad.get();
      System.out.printf("fix-forward: in ALARM as version 4 started: %s; %s%n", firingAtStart, fix);
      assertThat(firingAtStart).as("the alarms version 2 fired").isNotEmpty();
      assertThat(errorsOf(sandbox, "4")).isZero();
      assertThat(fix.byVersion()).containsKey("4");
    }
  }

  private static CompletableFuture<LoadReport.Summary> load(URI url, Duration duration) {
    return ServedSandbox.load(url, RPS, duration);
  }


  private static boolean canaryOf(ServedSandbox sandbox, String version) {
    var function = sandbox.resource("default", "tap").get().getStatus().getFunction();
    return version.equals(function.getTargetVersion()) && function.getCanaryWeight() != null
        && function.getCanaryWeight() > 0;
  }

  private static boolean stableIs(ServedSandbox sandbox, String version) {
    var function = sandbox.resource("default", "tap").get().getStatus().getFunction();
    return version.equals(function.getStableVersion()) && (function.getCanaryWeight() == null
        || function.getCanaryWeight() == 0);
  }

  private static List<String> firing(ServedSandbox sandbox) {
    var alarms = sandbox.resource("default", "tap").get().getStatus().getAlarms();
    return alarms == null ? List.of() : alarms.stream().filter(alarm -> "ALARM".equals(alarm.getState()))
        .map(alarm -> alarm.getName()).toList();
  }

  private static boolean rolledBack(ServedSandbox sandbox) {
    RolloutStatus rollout = sandbox.resource("default", "tap").get().getStatus().getRollout();
    return rollout != null && "RolledBack".equals(rollout.getPhase());
  }

  private static Map<String, Long> invocations(ServedSandbox sandbox) throws Exception {
    Map<String, Long> byVersion = new java.util.TreeMap<>();
    for (JsonNode counts : sandbox.report().path("invocations")) {
      byVersion.put(counts.path("version").asText(), counts.path("invocations").asLong());
    }
    return byVersion;
  }

  private static long errorsOf(ServedSandbox sandbox, String version) throws Exception {
    return countOf(sandbox, version, "errors");
  }

  private static long coldStarts(ServedSandbox sandbox, String version) throws Exception {
    return countOf(sandbox, version, "coldStarts");
  }

  private static long countOf(ServedSandbox sandbox, String version, String field) throws Exception {
    for (JsonNode counts : sandbox.report().path("invocations")) {
      if (counts.path("version").asText().equals(version)) {
        return counts.path(field).asLong();
      }
    }
    return 0;
  }
}
