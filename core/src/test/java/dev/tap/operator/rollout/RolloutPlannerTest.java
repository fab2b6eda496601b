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
    return new RolloutSettings(DeploymentStrategy.Canary, percent, 0, RolloutSettings.interval(interval), false, true);
  }

  private static RolloutSettings linear(int percent, String interval) {
    return new RolloutSettings(DeploymentStrategy.Linear, 0, percent, RolloutSettings.interval(interval), false, true);
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
      return new RolloutInput(now, settings, stable, additional, weight, target, false, null,
          RollbackRecord.version(description), recorded, alarmReady, firing);
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
    RolloutSettings paused = new RolloutSettings(DeploymentStrategy.Linear, 0, 25, Duration.ofMinutes(1), true, true);
    world.now = world.now.plus(Duration.ofHours(3));

    assertThat(RolloutPlanner.next(world.input(paused, "7"))).isInstanceOfSatisfying(RolloutDecision.Wait.class,
        w -> assertThat(w.why()).contains("paused at step 1"));
    assertThat(RolloutPlanner.next(world.input(running, "7"))).isInstanceOf(RolloutDecision.Record.class);
  }

  @Test
  void a_role_change_cannot_be_split_and_goes_at_once_saying_why() {
    World world = new World();
    RolloutInput input = new RolloutInput(T0, canary(10, "5m"), "6", null, 0, "7", false, "the execution role changes",
        null, Optional.empty(), false, List.of());

    assertThat(RolloutPlanner.next(input)).isInstanceOfSatisfying(RolloutDecision.Promote.class,
        p -> assertThat(p.why()).contains("the execution role changes", "at once"));
    assertThat(world.aliasChanges).isEmpty();
  }

  @Test
  void a_restart_resumes_the_same_step_with_its_status_and_from_the_alias_without_it() {
    RolloutSettings settings = linear(25, "10m");
    RecordedRollout atStep2 = new RecordedRollout(RecordedRollout.PROGRESSING, "6", "7", 2, 0.5,
        T0.minus(Duration.ofMinutes(4)), T0.minus(Duration.ofMinutes(14)), null, "step 2");

    RolloutInput withStatus = new RolloutInput(T0, settings, "6", "7", 0.5, "7", false, null, null, Optional.of(atStep2),
        true, List.of());
    assertThat(RolloutPlanner.next(withStatus)).isInstanceOfSatisfying(RolloutDecision.Wait.class,
        w -> assertThat(w.lookAgainIn()).isEqualTo(Duration.ofMinutes(6)));

    RolloutInput statusLost = new RolloutInput(T0, settings, "6", "7", 0.5, "7", false, null, null, Optional.empty(),
        true, List.of());
    assertThat(RolloutPlanner.next(statusLost)).isInstanceOfSatisfying(RolloutDecision.Record.class, r -> {
      assertThat(r.record().step()).as("neither from zero nor to 100 %").isEqualTo(2);
      assertThat(r.record().weight()).isEqualTo(0.5);
      assertThat(r.record().stepStartedAt()).isEqualTo(T0);
    });

    RecordedRollout recordedAhead = new RecordedRollout(RecordedRollout.PROGRESSING, "6", "7", 3, 0.75, T0, T0, null, "s3");
    RolloutInput crashedBeforeApplying = new RolloutInput(T0, settings, "6", "7", 0.5, "7", false, null, null,
        Optional.of(recordedAhead), true, List.of());
    assertThat(RolloutPlanner.next(crashedBeforeApplying)).isEqualTo(new RolloutDecision.Shift("6", "7", 3, 0.75,
        recordedAhead));
  }

  @Test
  void a_rollout_does_not_start_while_an_alarm_is_firing() {
    RecordedRollout prepared = new RecordedRollout(RecordedRollout.PROGRESSING, "6", "7", 0, 0, T0, T0, null, "start");
    RolloutInput input = new RolloutInput(T0, canary(10, "5m"), "6", null, 0, "7", false, null, null,
        Optional.of(prepared), true, List.of(new FiringAlarm("tap-api-errors-prod", "Threshold Crossed")));

    assertThat(RolloutPlanner.next(input)).isInstanceOfSatisfying(RolloutDecision.Wait.class,
        w -> assertThat(w.why()).contains("tap-api-errors-prod"));
  }

  @Test
  void a_promotion_whose_status_was_never_written_records_the_end_before_it_is_in_sync() {
    RecordedRollout atStep1 = new RecordedRollout(RecordedRollout.PROGRESSING, "6", "7", 1, 0.5, T0, T0, null, "s1");
    RolloutInput promoted = new RolloutInput(T0, linear(50, "1m"), "7", null, 0, "7", false, null, null,
        Optional.of(atStep1), true, List.of());

    RolloutDecision decision = RolloutPlanner.next(promoted);

    assertThat(decision).isInstanceOf(RolloutDecision.Record.class);
    assertThat(decision.record().phase()).as("so the rollout alarm goes").isEqualTo(RecordedRollout.SUCCEEDED);
    RolloutInput recorded = new RolloutInput(T0, linear(50, "1m"), "7", null, 0, "7", false, null, null,
        Optional.of(decision.record()), true, List.of());
    assertThat(RolloutPlanner.next(recorded)).isInstanceOf(RolloutDecision.InSync.class);
  }
}
