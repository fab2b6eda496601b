package dev.tap.operator.rollout;

import java.time.Duration;

/** The one next thing the rollout does, as {@link RolloutPlanner} decides it. */
public sealed interface RolloutDecision {

  <R> R accept(Visitor<R> visitor);

  /** One method per decision: a new decision does not compile until every visitor handles it. */
  interface Visitor<R> {

    R inSync(InSync decision);

    R record(Record decision);

    R shift(Shift decision);

    R promote(Promote decision);

    R rollBack(RollBack decision);

    R abandon(Abandon decision);

    R retry(Retry decision);

    R waitFor(Wait decision);

    R halted(Halted decision);
  }

  /**
   * Try a rolled-back version again ({@code kubectl tap retry}): the alias's record of the rollback is
   * emptied, all traffic stays on {@code stable}, and the rollout starts from its first step.
   */
  record Retry(String stable, String target, RecordedRollout record) implements RolloutDecision {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.retry(this);
    }
  }

  /** What status.rollout says after this decision (null: leave it as it is). */
  RecordedRollout record();

  /** The alias is wholly on the target: nothing to do. */
  record InSync(String version, RecordedRollout record) implements RolloutDecision {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.inSync(this);
    }
  }

  /** Record the next step in status only; the next reconcile applies it to the alias. */
  record Record(RecordedRollout record) implements RolloutDecision {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.record(this);
    }
  }

  /** Apply the recorded step: the alias keeps {@code stable} and gives {@code target} its weight. */
  record Shift(String stable, String target, int step, double weight, RecordedRollout record) implements RolloutDecision {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.shift(this);
    }
  }

  /** Move the alias wholly to {@code target}: the last step, or at once when the rollout cannot be split. */
  record Promote(String stable, String target, String why, RecordedRollout record) implements RolloutDecision {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.promote(this);
    }
  }

  /** All traffic back to {@code stable}, and {@code target} marked in AWS as rolled back. */
  record RollBack(String stable, String target, String alarm, String reason, RecordedRollout record)
      implements RolloutDecision {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.rollBack(this);
    }
  }

  /** A new target arrived mid-rollout: traffic back to {@code stable}, {@code abandoned} dropped. */
  record Abandon(String stable, String abandoned, String target, RecordedRollout record) implements RolloutDecision {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.abandon(this);
    }
  }

  /**
   * Nothing to do until {@code lookAgainIn} has passed (a step's interval, the rollout alarm), or,
   * when {@code paused}, until {@code deployment.paused} is lifted.
   */
  record Wait(String why, Duration lookAgainIn, RecordedRollout record, boolean paused) implements RolloutDecision {
    Wait(String why, Duration lookAgainIn, RecordedRollout record) {
      this(why, lookAgainIn, record, false);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.waitFor(this);
    }
  }

  /** The target was rolled back: nothing moves until the spec names another version. */
  record Halted(String message, RecordedRollout record) implements RolloutDecision {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.halted(this);
    }
  }
}
