package dev.tap.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.api.v1alpha1.DeploymentStrategy;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.api.v1alpha1.ServerlessApiStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** kubectl tap's commands: read from annotations for one version's rollout, acted on once, as the planner decides. */
class RolloutCommandsTest {

  private static final Instant T0 = Instant.parse("2026-12-05T03:00:00Z");
  private static final RolloutSettings CANARY = RolloutSettings.builder().strategy(DeploymentStrategy.Canary)
      .canaryPercent(10).interval(Duration.ofMinutes(5)).rollbackOnAlarm(true).build();
  private static final RecordedRollout AT_STEP_1 = RecordedRollout.builder().phase(RecordedRollout.PROGRESSING)
      .stable("6").target("7").step(1).weight(0.1).stepStartedAt(T0).startedAt(T0).message("s1").build();

  private static ServerlessApi annotated(Map<String, String> annotations, Map<String, String> actedOn) {
    ServerlessApi api = new ServerlessApi();
    api.setMetadata(new ObjectMetaBuilder().withName("tap").withNamespace("prod").withAnnotations(annotations).build());
    ServerlessApiStatus status = new ServerlessApiStatus();
    status.setRolloutCommands(actedOn);
    api.setStatus(status);
    return api;
  }

  private static RolloutInput.Builder canaryOf7(RolloutCommands commands) {
    return RolloutInput.builder().now(T0.plusSeconds(60)).settings(CANARY).stable("6").additional("7").weight(0.1)
        .target("7").recorded(Optional.of(AT_STEP_1)).rolloutAlarmReady(true).commands(commands);
  }

  @Test
  void a_command_waits_only_for_the_version_it_names_and_only_until_status_records_it() {
    ServerlessApi api = annotated(Map.of("rollout.tap.dev/promote", "7/a", "rollout.tap.dev/abort", "6/b",
        "rollout.tap.dev/retry", "7/c", "rollout.tap.dev/paused", "true"), Map.of("retry", "7/c"));

    RolloutCommands commands = RolloutCommands.read(api, "7");

    assertThat(commands.pending()).containsExactly("promote");
    assertThat(commands.paused()).isTrue();
    assertThat(RolloutCommands.acknowledging(api, Set.of("promote"))).containsExactlyInAnyOrderEntriesOf(
        Map.of("retry", "7/c", "promote", "7/a"));
  }

  @Test
  void promote_takes_the_next_step_now_and_promote_full_all_of_the_traffic() {
    RolloutInput promote = canaryOf7(new RolloutCommands(Set.of("promote"), false)).build();
    RolloutDecision next = RolloutPlanner.next(promote);
    assertThat(next).isInstanceOf(RolloutDecision.Promote.class);
    assertThat(RolloutPlanner.actedOn(promote, next)).containsExactly("promote");

    RolloutInput full = canaryOf7(new RolloutCommands(Set.of("promote-full"), false)).build();
    RolloutDecision all = RolloutPlanner.next(full);
    assertThat(all).isInstanceOfSatisfying(RolloutDecision.Promote.class,
        p -> assertThat(p.why()).contains("kubectl tap promote --full"));
    assertThat(RolloutPlanner.actedOn(full, all)).containsExactly("promote-full");

    RolloutInput none = canaryOf7(RolloutCommands.none()).build();
    assertThat(RolloutPlanner.next(none)).isInstanceOf(RolloutDecision.Wait.class);
  }

  @Test
  void abort_sends_all_traffic_back_and_holds_it_until_retry_starts_again() {
    RolloutInput abort = canaryOf7(new RolloutCommands(Set.of("abort"), false)).build();
    RolloutDecision back = RolloutPlanner.next(abort);
    assertThat(back).isInstanceOfSatisfying(RolloutDecision.RollBack.class,
        b -> assertThat(b.alarm()).isEqualTo(RolloutPlanner.ABORTED));
    assertThat(RolloutPlanner.actedOn(abort, back)).containsExactly("abort");

    RolloutInput.Builder heldOn6 = RolloutInput.builder().now(T0.plusSeconds(120)).settings(CANARY).stable("6")
        .target("7").rolledBack("7").recorded(Optional.of(back.record())).rolloutAlarmReady(true);
    assertThat(RolloutPlanner.next(heldOn6.commands(RolloutCommands.none()).build()))
        .isInstanceOfSatisfying(RolloutDecision.Halted.class, h -> assertThat(h.message()).contains("aborted with kubectl"
            + " tap abort").contains("kubectl tap retry"));

    RolloutInput retry = heldOn6.commands(new RolloutCommands(Set.of("retry"), false)).build();
    RolloutDecision again = RolloutPlanner.next(retry);
    assertThat(again).isInstanceOfSatisfying(RolloutDecision.Retry.class, r -> {
      assertThat(r.stable()).isEqualTo("6");
      assertThat(r.record().phase()).isEqualTo(RecordedRollout.PROGRESSING);
      assertThat(r.record().step()).isZero();
    });
    assertThat(RolloutPlanner.actedOn(retry, again)).containsExactly("retry");
  }

  @Test
  void pause_by_hand_holds_the_step_as_deployment_paused_does() {
    RolloutInput paused = canaryOf7(RolloutCommands.none()).settings(CANARY.pausedIf(true))
        .now(T0.plusSeconds(3600)).build();

    assertThat(RolloutPlanner.next(paused)).isInstanceOfSatisfying(RolloutDecision.Wait.class,
        w -> assertThat(w.paused()).isTrue());
  }
}
