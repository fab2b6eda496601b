package dev.tap.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.api.v1alpha1.DeploymentStrategy;
import dev.tap.operator.rollout.RolloutInput.FiringAlarm;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RolloutPlannerTest {

  private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

  private static RolloutSettings canary(int percent, String interval) {
    return RolloutSettings.builder().strategy(DeploymentStrategy.Canary).canaryPercent(percent)
        .interval(RolloutSettings.interval(interval)).rollbackOnAlarm(true).build();
  }

  private static RolloutSettings linear(int percent, String interval) {
    return RolloutSettings.builder().strategy(DeploymentStrategy.Linear).linearPercent(percent)
        .interval(RolloutSettings.interval(interval)).rollbackOnAlarm(true).build();
  }

  /** A reconcile's input at T0, the alias's {@code stable} version, the spec's {@code target}; the rest as named. */
  private static RolloutInput.Builder at(RolloutSettings settings, String stable, String target) {
    return RolloutInput.builder().now(T0).settings(settings).stable(stable).target(target);
  }

  /** Status of the rollout of version 7 over 6, at {@code step} with {@code weight}. */
  private static RecordedRollout.Builder progressing(int step, double weight) {
    return RecordedRollout.builder().phase(RecordedRollout.PROGRESSING).stable("6").target("7").step(step)
        .weight(weight);
  }

  /** The alias, status and rollout alarm as AWS and the cluster would hold them after each decision. */
  private static final class World {
    Instant now = T0;
    String stable = "6";
    String additional;
    double weight;
    String description;
    Optional<RecordedRollout> recorded = Optional.empty();
    boolean alarmReady;
    List<FiringAlarm> firing = List.of();
    final List<String> aliasChanges = new ArrayList<>();

    RolloutInput input(RolloutSettings settings, String target) {
      return RolloutInput.builder().now(now).settings(settings).stable(stable).additional(additional).weight(weight)
          .target(target).rolledBack(RollbackRecord.version(description)).recorded(recorded)
          .rolloutAlarmReady(alarmReady).firing(firing).build();
    }

    /** Applies a decision as the dependent and the next reconciles would; false when nothing is left to do. */
    boolean apply(RolloutDecision decision) {
      if (decision.record() != null) {
        recorded = Optional.of(decision.record());
        alarmReady = alarmReady || RecordedRollout.PROGRESSING.equals(decision.record().phase());
      }
      String at = Duration.between(T0, now).toMinutes() + "m ";
      if (decision instanceof RolloutDecision.Shift shift) {
        additional = shift.target();
        weight = shift.weight();
        aliasChanges.add(at + stable + "+" + additional + "@" + Math.round(weight * 100));
      } else if (decision instanceof RolloutDecision.Promote promote) {
        stable = promote.target();
        additional = null;
        weight = 0;
        aliasChanges.add(at + stable);
      } else if (decision instanceof RolloutDecision.RollBack back) {
        additional = null;
        weight = 0;
        description = RollbackRecord.describe(back.target(), back.alarm());
        aliasChanges.add(at + stable + " (rolled back)");
      } else if (decision instanceof RolloutDecision.Wait wait) {
        if (wait.lookAgainIn() == null) {
          return false;
        }
        now = now.plus(wait.lookAgainIn());
      } else {
        return !(decision instanceof RolloutDecision.InSync || decision instanceof RolloutDecision.Halted);
      }
      return true;
    }

    void runTo(RolloutSettings settings, String target) {
      for (int i = 0; i < 100 && apply(RolloutPlanner.next(input(settings, target))); i++) {
        // each turn is one reconcile
      }
    }
  }

  static Stream<Arguments> schedules() {
    return Stream.of(
        Arguments.of(canary(10, "5m"), List.of("0m 6+7@10", "5m 7")),
        Arguments.of(canary(50, "30s"), List.of("0m 6+7@50", "0m 7")),
        Arguments.of(linear(25, "1m"), List.of("0m 6+7@25", "1m 6+7@50", "2m 6+7@75", "3m 7")),
        Arguments.of(linear(30, "2m"), List.of("0m 6+7@30", "2m 6+7@60", "4m 6+7@90", "6m 7")),
        Arguments.of(linear(50, "1h"), List.of("0m 6+7@50", "60m 7")));
  }

  @ParameterizedTest
  @MethodSource("schedules")
  void every_step_has_its_weight_and_its_time(RolloutSettings settings, List<String> expected) {
    World world = new World();
    world.runTo(settings, "7");

    assertThat(world.aliasChanges).containsExactlyElementsOf(expected);
    assertThat(world.recorded.orElseThrow().phase()).isEqualTo(RecordedRollout.SUCCEEDED);
  }

  @Test
  void no_traffic_moves_before_the_rollout_alarm_exists_and_the_step_is_recorded() {
    World world = new World();
    RolloutSettings settings = canary(10, "5m");

    RolloutDecision first = RolloutPlanner.next(world.input(settings, "7"));
    assertThat(first).isInstanceOf(RolloutDecision.Record.class);
    assertThat(first.record().step()).isZero();
    world.recorded = Optional.of(first.record());
    assertThat(RolloutPlanner.next(world.input(settings, "7"))).isInstanceOfSatisfying(RolloutDecision.Wait.class,
        w -> assertThat(w.why()).contains("rollout alarm"));
    world.alarmReady = true;
    RolloutDecision second = RolloutPlanner.next(world.input(settings, "7"));
    assertThat(second).isInstanceOf(RolloutDecision.Record.class);
    assertThat(second.record().weight()).isEqualTo(0.1);
    world.recorded = Optional.of(second.record());
    assertThat(RolloutPlanner.next(world.input(settings, "7"))).isEqualTo(new RolloutDecision.Shift("6", "7", 1, 0.1,
        second.record()));
  }

  @Test
  void an_alarm_mid_rollout_sends_all_traffic_back_and_the_version_is_not_tried_again() {
    World world = new World();
    RolloutSettings settings = linear(25, "1m");
    for (int i = 0; i < 4; i++) {
      world.apply(RolloutPlanner.next(world.input(settings, "7")));
    }
    assertThat(world.additional).isEqualTo("7");
    world.firing = List.of(new FiringAlarm("tap-rollout-errors-prod", "Threshold Crossed: 1 datapoint [3.0] >= 1.0"));

    RolloutDecision decision = RolloutPlanner.next(world.input(settings, "7"));
    assertThat(decision).isInstanceOfSatisfying(RolloutDecision.RollBack.class, back -> {
      assertThat(back.stable()).isEqualTo("6");
      assertThat(back.alarm()).isEqualTo("tap-rollout-errors-prod");
      assertThat(back.record().phase()).isEqualTo(RecordedRollout.ROLLED_BACK);
      assertThat(back.record().message()).contains("Threshold Crossed");
    });
    world.apply(decision);
    world.firing = List.of();
    world.now = world.now.plus(Duration.ofHours(1));

    assertThat(RolloutPlanner.next(world.input(settings, "7"))).isInstanceOf(RolloutDecision.Halted.class);
    world.recorded = Optional.empty();
    assertThat(RolloutPlanner.next(world.input(settings, "7"))).as("a new cluster: the alias's description remembers")
        .isInstanceOfSatisfying(RolloutDecision.Halted.class, h -> assertThat(h.message()).contains("version 7 was rolled back"));
    assertThat(RolloutPlanner.next(world.input(settings, "8"))).as("another version starts afresh")
        .isInstanceOf(RolloutDecision.Record.class);
  }

  @Test
  void a_new_target_mid_rollout_abandons_the_half_shifted_one() {
    World world = new World();
    world.additional = "7";
    world.weight = 0.5;

    RolloutDecision decision = RolloutPlanner.next(world.input(linear(25, "1m"), "8"));

    assertThat(decision).isInstanceOfSatisfying(RolloutDecision.Abandon.class, abandon -> {
      assertThat(abandon.stable()).isEqualTo("6");
      assertThat(abandon.abandoned()).isEqualTo("7");
      assertThat(abandon.record().target()).isEqualTo("8");
      assertThat(abandon.record().step()).isZero();
    });
  }

  @Test
  void paused_holds_the_current_step_however_long() {
    World world = new World();
    RolloutSettings running = linear(25, "1m");
    for (int i = 0; i < 4; i++) {
      world.apply(RolloutPlanner.next(world.input(running, "7")));
    }
    RolloutSettings paused = RolloutSettings.builder().strategy(DeploymentStrategy.Linear).linearPercent(25)
        .interval(Duration.ofMinutes(1)).paused(true).rollbackOnAlarm(true).build();
    world.now = world.now.plus(Duration.ofHours(3));

    assertThat(RolloutPlanner.next(world.input(paused, "7"))).isInstanceOfSatisfying(RolloutDecision.Wait.class,
        w -> assertThat(w.why()).contains("paused at step 1"));
    assertThat(RolloutPlanner.next(world.input(running, "7"))).isInstanceOf(RolloutDecision.Record.class);
  }

  @Test
  void a_role_change_cannot_be_split_and_goes_at_once_saying_why() {
    World world = new World();
    RolloutInput input = at(canary(10, "5m"), "6", "7").splitBlocker("the execution role changes").build();

    assertThat(RolloutPlanner.next(input)).isInstanceOfSatisfying(RolloutDecision.Promote.class,
        p -> assertThat(p.why()).contains("the execution role changes", "at once"));
    assertThat(world.aliasChanges).isEmpty();
  }

  @Test
  void a_restart_resumes_the_same_step_with_its_status_and_from_the_alias_without_it() {
    RolloutSettings settings = linear(25, "10m");
    RecordedRollout atStep2 = progressing(2, 0.5).stepStartedAt(T0.minus(Duration.ofMinutes(4)))
        .startedAt(T0.minus(Duration.ofMinutes(14))).message("step 2").build();

    RolloutInput withStatus = at(settings, "6", "7").additional("7").weight(0.5).recorded(Optional.of(atStep2))
        .rolloutAlarmReady(true).build();
    assertThat(RolloutPlanner.next(withStatus)).isInstanceOfSatisfying(RolloutDecision.Wait.class,
        w -> assertThat(w.lookAgainIn()).isEqualTo(Duration.ofMinutes(6)));

    RolloutInput statusLost = at(settings, "6", "7").additional("7").weight(0.5).rolloutAlarmReady(true).build();
    assertThat(RolloutPlanner.next(statusLost)).isInstanceOfSatisfying(RolloutDecision.Record.class, r -> {
      assertThat(r.record().step()).as("neither from zero nor to 100 %").isEqualTo(2);
      assertThat(r.record().weight()).isEqualTo(0.5);
      assertThat(r.record().stepStartedAt()).isEqualTo(T0);
    });

    RecordedRollout recordedAhead = progressing(3, 0.75).stepStartedAt(T0).startedAt(T0).message("s3").build();
    RolloutInput crashedBeforeApplying = at(settings, "6", "7").additional("7").weight(0.5)
        .recorded(Optional.of(recordedAhead)).rolloutAlarmReady(true).build();
    assertThat(RolloutPlanner.next(crashedBeforeApplying)).isEqualTo(new RolloutDecision.Shift("6", "7", 3, 0.75,
        recordedAhead));
  }

  @Test
  void a_rollout_does_not_start_while_an_alarm_is_firing() {
    RecordedRollout prepared = progressing(0, 0).stepStartedAt(T0).startedAt(T0).message("start").build();
    RolloutInput input = at(canary(10, "5m"), "6", "7").recorded(Optional.of(prepared)).rolloutAlarmReady(true)
        .firing(List.of(new FiringAlarm("tap-api-errors-prod", "Threshold Crossed"))).build();

    assertThat(RolloutPlanner.next(input)).isInstanceOfSatisfying(RolloutDecision.Wait.class,
        w -> assertThat(w.why()).contains("tap-api-errors-prod"));
  }

  @Test
  void fix_forward_an_alarm_already_firing_for_the_replaced_version_neither_holds_nor_rolls_back_its_fix() {
    RecordedRollout prepared = progressing(0, 0).stepStartedAt(T0).startedAt(T0).message("start").build();
    FiringAlarm before = new FiringAlarm("tap-lambda-errors-prod", "Threshold Crossed", T0.minusSeconds(300), false);
    RolloutInput starting = at(canary(10, "5m"), "6", "7").recorded(Optional.of(prepared)).rolloutAlarmReady(true)
        .firing(List.of(before)).build();
    RolloutDecision first = RolloutPlanner.next(starting);
    assertThat(first).isInstanceOfSatisfying(RolloutDecision.Record.class, r -> assertThat(r.record().step()).isEqualTo(1));

    RecordedRollout atStep1 = progressing(1, 0.1).stepStartedAt(T0).startedAt(T0).message("s1").build();
    RolloutInput canary = at(canary(10, "5m"), "6", "7").additional("7").weight(0.1).recorded(Optional.of(atStep1))
        .rolloutAlarmReady(true).firing(List.of(before)).build();
    assertThat(RolloutPlanner.next(canary)).isInstanceOf(RolloutDecision.Wait.class);

    FiringAlarm since = new FiringAlarm("tap-api-errors-prod", "Threshold Crossed", T0.plusSeconds(60), false);
    FiringAlarm own = new FiringAlarm("tap-rollout-errors-prod", "Threshold Crossed", T0.minusSeconds(1), true);
    for (FiringAlarm counted : List.of(since, own)) {
      RolloutInput failing = at(canary(10, "5m"), "6", "7").additional("7").weight(0.1).recorded(Optional.of(atStep1))
          .rolloutAlarmReady(true).firing(List.of(before, counted)).build();
      assertThat(RolloutPlanner.next(failing)).as(counted.name()).isInstanceOfSatisfying(RolloutDecision.RollBack.class,
          back -> assertThat(back.alarm()).isEqualTo(counted.name()));
    }
  }

  @Test
  void a_promotion_whose_status_was_never_written_records_the_end_before_it_is_in_sync() {
    RecordedRollout atStep1 = progressing(1, 0.5).stepStartedAt(T0).startedAt(T0).message("s1").build();
    RolloutInput promoted = at(linear(50, "1m"), "7", "7").recorded(Optional.of(atStep1)).rolloutAlarmReady(true)
        .build();

    RolloutDecision decision = RolloutPlanner.next(promoted);

    assertThat(decision).isInstanceOf(RolloutDecision.Record.class);
    assertThat(decision.record().phase()).as("so the rollout alarm goes").isEqualTo(RecordedRollout.SUCCEEDED);
    RolloutInput recorded = at(linear(50, "1m"), "7", "7").recorded(Optional.of(decision.record()))
        .rolloutAlarmReady(true).build();
    assertThat(RolloutPlanner.next(recorded)).isInstanceOf(RolloutDecision.InSync.class);
  }
}
