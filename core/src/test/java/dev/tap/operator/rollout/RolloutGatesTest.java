package dev.tap.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.api.v1alpha1.AnalysisGate;
import dev.tap.operator.api.v1alpha1.CheckResult;
import dev.tap.operator.api.v1alpha1.DeploymentStrategy;
import dev.tap.operator.api.v1alpha1.GateMetric;
import dev.tap.operator.api.v1alpha1.TooFewRequests;
import dev.tap.operator.api.v1alpha1.TrafficCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Analysis gates, the approval step and traffic checks, as the planner decides on them (no I/O). */
class RolloutGatesTest {

  private static final Instant T0 = Instant.parse("2026-12-05T12:00:00Z");

  /** Evidence as a test names it, counting what the planner asked for. */
  private static final class Evidence implements RolloutEvidence {
    GateReading reading = new GateReading(0, 0, null);
    String checkResult = "Passed";
    final List<Instant> reads = new ArrayList<>();
    final List<TrafficPhase> checks = new ArrayList<>();

    @Override
    public GateReading read(Instant from) {
      reads.add(from);
      return reading;
    }

    @Override
    public List<CheckResult> check(TrafficPhase phase) {
      checks.add(phase);
      CheckResult result = new CheckResult();
      result.setPhase(phase.name());
      result.setRequest("GET /items");
      result.setResult(checkResult);
      result.setStatus("Passed".equals(checkResult) ? 200 : 500);
      result.setMessage("Passed".equals(checkResult) ? null : "answered 500, expected 200");
      return List.of(result);
    }
  }

  private final Evidence evidence = new Evidence();

  private static AnalysisGate errorRate(double max, int minRequests, TooFewRequests whenShort) {
    AnalysisGate gate = new AnalysisGate();
    gate.setMetric(GateMetric.ErrorRate);
    gate.setMax(max);
    gate.setMinRequests(minRequests);
    gate.setWhenTooFewRequests(whenShort);
    return gate;
  }

  private static TrafficCheck listItems() {
    TrafficCheck check = new TrafficCheck();
    check.setPath("/items");
    check.setExpectStatus(200);
    return check;
  }

  private static RolloutSettings.Builder canary() {
    return RolloutSettings.builder().strategy(DeploymentStrategy.Canary).canaryPercent(10)
        .interval(Duration.ofMinutes(5)).rollbackOnAlarm(true);
  }

  /** Version 7 at the 10 % canary step over 6, the step started at T0. */
  private RolloutInput.Builder atCanaryStep(RolloutSettings settings, Instant now, RecordedRollout.Builder recorded) {
    return RolloutInput.builder().now(now).settings(settings).stable("6").additional("7").weight(0.1).target("7")
        .rolloutAlarmReady(true).recorded(Optional.of(recorded.build())).evidence(evidence);
  }

  private static RecordedRollout.Builder step1() {
    return RecordedRollout.builder().phase(RecordedRollout.PROGRESSING).stable("6").target("7").step(1).weight(0.1)
        .stepStartedAt(T0).startedAt(T0.minusSeconds(5));
  }

  @Test
  void a_breach_with_enough_requests_rolls_back_mid_step_with_the_gate_named_and_its_figures_recorded() {
    evidence.reading = new GateReading(120, 24, 80.0);
    RolloutSettings settings = canary().gates(List.of(errorRate(1, 20, TooFewRequests.Extend))).build();

    RolloutDecision decision = RolloutPlanner.next(atCanaryStep(settings, T0.plusSeconds(40), step1()).build());

    RolloutDecision.RollBack back = (RolloutDecision.RollBack) decision;
    assertThat(back.stable()).isEqualTo("6");
    assertThat(back.alarm()).isEqualTo("analysis gate ErrorRate");
    assertThat(back.record().message()).startsWith("analysis gate ErrorRate (ErrorRate 20.0% above 1.0% over 120 request(s)"
        + " of step 1): all traffic back on version 6");
    assertThat(back.record().gates()).singleElement().satisfies(g -> {
      assertThat(g.getResult()).isEqualTo("Failed");
      assertThat(g.getValue()).isEqualTo(20.0);
      assertThat(g.getRequests()).isEqualTo(120);
    });
    assertThat(evidence.reads).containsExactly(T0);
    assertThat(RollbackRecord.describe("7", back.alarm())).isEqualTo("rolled back version 7 after analysis gate ErrorRate");
  }

  @Test
  void an_alarm_s_rollback_is_still_said_as_the_alarm_firing() {
    RolloutSettings settings = canary().gates(List.of(errorRate(1, 20, TooFewRequests.Extend))).build();

    RolloutDecision decision = RolloutPlanner.next(atCanaryStep(settings, T0.plusSeconds(40), step1())
        .firing(List.of(new RolloutInput.FiringAlarm("tap-lambda-errors-prod", "Threshold Crossed"))).build());

    assertThat(decision.record().message()).startsWith("alarm tap-lambda-errors-prod fired (Threshold Crossed): all traffic"
        + " back on version 6");
    assertThat(evidence.reads).as("an alarm decides before any gate is read").isEmpty();
  }

  @Test
  void a_breach_below_the_minimum_judges_nothing_and_the_step_runs_on_looking_again_in_half_a_minute() {
    evidence.reading = new GateReading(3, 2, 80.0);
    RolloutSettings settings = canary().gates(List.of(errorRate(1, 20, TooFewRequests.Fail))).build();

    RolloutDecision decision = RolloutPlanner.next(atCanaryStep(settings, T0.plusSeconds(40), step1()).build());

    RolloutDecision.Wait wait = (RolloutDecision.Wait) decision;
    assertThat(wait.lookAgainIn()).isEqualTo(RolloutPlanner.GATE_LOOK);
    assertThat(wait.record().gates()).singleElement().satisfies(g -> assertThat(g.getResult()).isEqualTo("TooFewRequests"));
  }

  @Test
  void gates_judged_less_than_half_a_minute_ago_are_not_read_again() {
    evidence.reading = new GateReading(50, 0, 80.0);
    RolloutSettings settings = canary().gates(List.of(errorRate(1, 20, TooFewRequests.Extend))).build();
    RolloutDecision first = RolloutPlanner.next(atCanaryStep(settings, T0.plusSeconds(40), step1()).build());

    RolloutDecision second = RolloutPlanner.next(atCanaryStep(settings, T0.plusSeconds(55),
        first.record().toBuilder()).build());

    assertThat(second).isInstanceOf(RolloutDecision.Wait.class);
    assertThat(evidence.reads).hasSize(1);
  }

  @Test
  void passing_gates_at_the_step_end_let_the_canary_take_all_traffic() {
    evidence.reading = new GateReading(600, 3, 80.0);
    RolloutSettings settings = canary().gates(List.of(errorRate(1, 20, TooFewRequests.Extend))).build();

    RolloutDecision decision = RolloutPlanner.next(atCanaryStep(settings, T0.plus(Duration.ofMinutes(5)), step1()).build());

    assertThat(decision).isInstanceOf(RolloutDecision.Promote.class);
    assertThat(decision.record().phase()).isEqualTo("Succeeded");
    assertThat(decision.record().gates()).singleElement().satisfies(g -> {
      assertThat(g.getResult()).isEqualTo("Passed");
      assertThat(g.getValue()).isEqualTo(0.5);
    });
  }

  @Test
  void too_few_requests_at_the_step_end_extend_hold_or_fail_as_the_spec_says() {
    evidence.reading = new GateReading(7, 0, 80.0);
    Instant end = T0.plus(Duration.ofMinutes(5));

    RolloutDecision extended = RolloutPlanner.next(atCanaryStep(canary()
        .gates(List.of(errorRate(1, 20, TooFewRequests.Extend))).build(), end, step1()).build());
    RolloutDecision held = RolloutPlanner.next(atCanaryStep(canary()
        .gates(List.of(errorRate(1, 20, TooFewRequests.Hold))).build(), end, step1()).build());
    RolloutDecision failed = RolloutPlanner.next(atCanaryStep(canary()
        .gates(List.of(errorRate(1, 20, TooFewRequests.Extend), errorRate(5, 20, TooFewRequests.Fail))).build(), end,
        step1()).build());

    assertThat(extended).isInstanceOf(RolloutDecision.Record.class);
    assertThat(extended.record().step()).isEqualTo(1);
    assertThat(extended.record().stepStartedAt()).isEqualTo(end);
    assertThat(extended.record().message()).contains("extended by one interval: gate ErrorRate saw 7 of the 20 requests");
    assertThat(held).isInstanceOf(RolloutDecision.Wait.class);
    assertThat(((RolloutDecision.Wait) held).why()).contains("held: gate ErrorRate saw 7 of the 20", "kubectl tap promote");
    assertThat(failed).isInstanceOf(RolloutDecision.RollBack.class);
    assertThat(failed.record().message()).startsWith("analysis gate short of requests (gate ErrorRate saw 7 of the 20");
  }

  @Test
  void kubectl_tap_promote_moves_on_without_reading_the_gates() {
    RolloutSettings settings = canary().gates(List.of(errorRate(1, 20, TooFewRequests.Hold))).build();

    RolloutDecision decision = RolloutPlanner.next(atCanaryStep(settings, T0.plusSeconds(10), step1())
        .commands(new RolloutCommands(Set.of(RolloutCommands.PROMOTE), false)).build());

    assertThat(decision).isInstanceOf(RolloutDecision.Promote.class);
    assertThat(evidence.reads).isEmpty();
  }

  @Test
  void the_approval_step_waits_for_promote_within_its_timeout_then_holds_or_rolls_back() {
    RolloutSettings.Builder gated = canary().gates(List.of(errorRate(1, 20, TooFewRequests.Extend)));
    evidence.reading = new GateReading(600, 0, 80.0);
    Instant end = T0.plus(Duration.ofMinutes(5));

    RolloutDecision waiting = RolloutPlanner.next(atCanaryStep(gated
        .approval(new RolloutSettings.Approval(100, Duration.ofMinutes(30), false)).build(), end.plusSeconds(60), step1())
        .build());
    RolloutDecision approved = RolloutPlanner.next(atCanaryStep(gated.build(), end.plusSeconds(60), step1())
        .commands(new RolloutCommands(Set.of(RolloutCommands.PROMOTE), false)).build());
    RolloutDecision holding = RolloutPlanner.next(atCanaryStep(gated.build(), end.plus(Duration.ofMinutes(31)), step1())
        .build());
    RolloutDecision rolledBack = RolloutPlanner.next(atCanaryStep(gated
        .approval(new RolloutSettings.Approval(100, Duration.ofMinutes(30), true)).build(), end.plus(Duration.ofMinutes(31)),
        step1()).build());

    assertThat(((RolloutDecision.Wait) waiting).why())
        .endsWith("waiting for approval (kubectl tap promote) before 100% of traffic, for at most 29m 0s");
    assertThat(((RolloutDecision.Wait) waiting).lookAgainIn()).as("the gates are still watched").isEqualTo(RolloutPlanner.GATE_LOOK);
    assertThat(approved).isInstanceOf(RolloutDecision.Promote.class);
    assertThat(((RolloutDecision.Wait) holding).why()).contains("timed out 1m 0s ago, held until kubectl tap promote or abort");
    assertThat(rolledBack).isInstanceOf(RolloutDecision.RollBack.class);
    assertThat(rolledBack.record().message()).startsWith("approval timeout (no kubectl tap promote within 30m 0s)");
  }

  @Test
  void an_approval_before_the_first_step_holds_all_traffic_on_the_stable_version() {
    RolloutSettings settings = canary().approval(new RolloutSettings.Approval(10, Duration.ofHours(1), false)).build();
    RecordedRollout started = RecordedRollout.builder().phase(RecordedRollout.PROGRESSING).stable("6").target("7")
        .stepStartedAt(T0).startedAt(T0).build();
    RolloutInput.Builder before = RolloutInput.builder().now(T0.plusSeconds(5)).settings(settings).stable("6").target("7")
        .rolloutAlarmReady(true).recorded(Optional.of(started)).evidence(evidence);

    RolloutDecision waiting = RolloutPlanner.next(before.build());
    RolloutDecision approved = RolloutPlanner.next(before.commands(new RolloutCommands(Set.of(RolloutCommands.PROMOTE),
        false)).build());

    assertThat(((RolloutDecision.Wait) waiting).why()).startsWith("version 7 before any traffic; waiting for approval");
    assertThat(approved).isInstanceOf(RolloutDecision.Record.class);
    assertThat(approved.record().step()).isEqualTo(1);
  }

  @Test
  void a_failing_pre_traffic_check_rolls_back_before_any_traffic_moves_and_a_passing_one_is_not_sent_again() {
    RolloutSettings settings = canary().checks(List.of(listItems())).build();
    RecordedRollout started = RecordedRollout.builder().phase(RecordedRollout.PROGRESSING).stable("6").target("7")
        .stepStartedAt(T0).startedAt(T0).build();
    RolloutInput.Builder before = RolloutInput.builder().now(T0.plusSeconds(5)).settings(settings).stable("6").target("7")
        .rolloutAlarmReady(true).recorded(Optional.of(started)).evidence(evidence);

    evidence.checkResult = "Failed";
    RolloutDecision failed = RolloutPlanner.next(before.build());
    evidence.checkResult = "Passed";
    RolloutDecision passed = RolloutPlanner.next(before.build());
    RolloutDecision shifted = RolloutPlanner.next(before.recorded(Optional.of(passed.record())).build());

    RolloutDecision.RollBack back = (RolloutDecision.RollBack) failed;
    assertThat(back.stable()).isEqualTo("6");
    assertThat(back.record().message()).startsWith("pre-traffic check GET /items (answered 500, expected 200)");
    assertThat(back.record().checks()).singleElement().satisfies(c -> assertThat(c.getPhase()).isEqualTo("PreTraffic"));
    assertThat(passed.record().step()).isEqualTo(1);
    assertThat(passed.record().checks()).singleElement().satisfies(c -> assertThat(c.getResult()).isEqualTo("Passed"));
    assertThat(shifted).isInstanceOf(RolloutDecision.Shift.class);
    assertThat(evidence.checks).containsExactly(TrafficPhase.PreTraffic, TrafficPhase.PreTraffic);
  }

  @Test
  void after_the_last_shift_the_post_traffic_checks_end_the_rollout_or_send_all_traffic_back_to_the_old_stable() {
    RolloutSettings settings = canary().checks(List.of(listItems())).build();
    RolloutDecision promote = RolloutPlanner.next(atCanaryStep(settings, T0.plus(Duration.ofMinutes(5)), step1()).build());
    assertThat(promote).isInstanceOf(RolloutDecision.Promote.class);
    assertThat(promote.record().phase()).as("not over until the checks passed").isEqualTo(RecordedRollout.PROGRESSING);
    RolloutInput.Builder promoted = RolloutInput.builder().now(T0.plus(Duration.ofMinutes(5))).settings(settings)
        .stable("7").target("7").rolloutAlarmReady(true).recorded(Optional.of(promote.record())).evidence(evidence);

    evidence.checkResult = "Failed";
    RolloutDecision back = RolloutPlanner.next(promoted.build());
    evidence.checkResult = "Passed";
    RolloutDecision done = RolloutPlanner.next(promoted.build());

    assertThat(back).isInstanceOf(RolloutDecision.RollBack.class);
    assertThat(((RolloutDecision.RollBack) back).stable()).isEqualTo("6");
    assertThat(back.record().message()).startsWith("post-traffic check GET /items");
    assertThat(done.record().phase()).isEqualTo("Succeeded");
    assertThat(done.record().message()).isEqualTo("version 7 serves all traffic; its post-traffic checks passed");
    assertThat(evidence.checks).containsExactly(TrafficPhase.PostTraffic, TrafficPhase.PostTraffic);
  }
}
