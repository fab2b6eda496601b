package dev.tap.operator.rollout;

import dev.tap.operator.api.v1alpha1.CheckResult;
import java.time.Instant;
import java.util.List;

/**
 * What the new version did, gathered only when the planner reaches a gate or a traffic check: the
 * planner stays a pure function of its input, and a reconcile that decides nothing about gates sends
 * no GetMetricData and no request.
 */
public interface RolloutEvidence {

  /** The new version's invocations through the alias since {@code from}. */
  GateReading read(Instant from);

  /** Sends every traffic check of the spec in {@code phase} and says what each got. */
  List<CheckResult> check(TrafficPhase phase);

  /** For rollouts that declare no gates or checks. */
  RolloutEvidence NONE = new RolloutEvidence() {
    @Override
    public GateReading read(Instant from) {
      throw new IllegalStateException("no analysis gate is declared");
    }

    @Override
    public List<CheckResult> check(TrafficPhase phase) {
      throw new IllegalStateException("no traffic check is declared");
    }
  };
}
