package dev.tap.operator.rollout;

import dev.tap.operator.api.v1alpha1.FunctionStatus;
import dev.tap.operator.api.v1alpha1.RolloutHistoryEntry;
import dev.tap.operator.api.v1alpha1.ServerlessApiStatus;
import dev.tap.operator.workflow.DependentOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

/**
 * The rollout's decision in this reconcile; status.rollout is what it records, status.rolloutCommands
 * the kubectl tap commands acted on so far, status.rolloutHistory the last rollouts.
 */
public record RolloutOutcome(RolloutDecision decision, Map<String, String> commandsActedOn,
    List<RolloutHistoryEntry> history) implements DependentOutcome {

  public RolloutOutcome {
    commandsActedOn = Map.copyOf(commandsActedOn);
    history = List.copyOf(history);
  }

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

  /**
   * status.rollout, and status.function's alias as this reconcile left it: the function dependent read the
   * alias before the rollout moved it, and a status saying "rolled back" beside "2→3 (10%)" would be false.
   */
  @Override
  public void writeStatus(ServerlessApiStatus status) {
    if (decision.record() != null) {
      status.setRollout(decision.record().toStatus());
    }
    status.setRolloutCommands(commandsActedOn.isEmpty() ? null : new TreeMap<>(commandsActedOn));
    status.setRolloutHistory(history.isEmpty() ? null : history);
    FunctionStatus function = status.getFunction();
    if (function == null) {
      return;
    }
    if (decision instanceof RolloutDecision.Shift shift) {
      alias(function, shift.stable(), shift.target(), shift.weight());
    } else if (decision instanceof RolloutDecision.Promote promote) {
      alias(function, promote.target(), promote.target(), null);
    } else if (decision instanceof RolloutDecision.RollBack back) {
      alias(function, back.stable(), back.target(), null);
    } else if (decision instanceof RolloutDecision.Abandon abandon) {
      alias(function, abandon.stable(), abandon.target(), null);
    } else if (decision instanceof RolloutDecision.Retry retry) {
      alias(function, retry.stable(), retry.target(), null);
    }
  }

  private static void alias(FunctionStatus function, String stable, String target, Double weight) {
    function.setStableVersion(stable);
    function.setTargetVersion(target);
    function.setCanaryWeight(weight);
    function.setServing(stable + (weight == null ? "" : "→" + target + " (" + Math.round(weight * 100) + "%)"));
  }
}
