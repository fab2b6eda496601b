package dev.tap.operator.rollout;

import dev.tap.operator.api.v1alpha1.ServerlessApiStatus;
import dev.tap.operator.workflow.DependentOutcome;
import java.time.Duration;
import java.util.Optional;

/** The rollout's decision in this reconcile; status.rollout is what it records. */
public record RolloutOutcome(RolloutDecision decision) implements DependentOutcome {

  /** After a recorded or applied step, the next reconcile follows at once. */
  static final Duration NEXT_STEP = Duration.ofSeconds(1);

  @Override
  public boolean ready() {
    return decision instanceof RolloutDecision.InSync;
  }

  @Override
  public String reason() {
    return decision instanceof RolloutDecision.Wait wait && wait.paused() ? "Paused" : "RollingOut";
  }

  @Override
  public String progress() {
    if (decision instanceof RolloutDecision.Wait wait) {
      return wait.why();
    }
    return decision.record() != null && decision.record().message() != null ? decision.record().message()
        : "moving the alias";
  }

  @Override
  public Optional<Duration> lookAgainIn() {
    if (decision instanceof RolloutDecision.Wait wait) {
      return Optional.ofNullable(wait.lookAgainIn());
    }
    return ready() || decision instanceof RolloutDecision.Halted ? Optional.empty() : Optional.of(NEXT_STEP);
  }

  @Override
  public Optional<Blocked> blocked() {
    return decision instanceof RolloutDecision.Halted halted ? Optional.of(new Blocked("RolledBack", halted.message()))
        : Optional.empty();
  }

  @Override
  public void writeStatus(ServerlessApiStatus status) {
    if (decision.record() != null) {
      status.setRollout(decision.record().toStatus());
    }
  }
}
