package dev.tap.operator.rollout;

import dev.tap.operator.api.v1alpha1.AnalysisGate;
import dev.tap.operator.api.v1alpha1.ApprovalSpec;
import dev.tap.operator.api.v1alpha1.ApprovalTimeout;
import dev.tap.operator.api.v1alpha1.DeploymentSpec;
import dev.tap.operator.api.v1alpha1.DeploymentStrategy;
import dev.tap.operator.api.v1alpha1.TrafficCheck;
import java.time.Duration;
import java.util.List;

/**
 * {@code spec.function.deployment} as the planner needs it, with the weights of each step: Canary
 * puts {@code canaryPercent} on the new version for one interval, then all of it; Linear adds
 * {@code linearPercent} every interval until the next step would reach 100 %. Gates, an approval step and
 * traffic checks, when declared, hold each step to the new version's own results.
 */
public record RolloutSettings(DeploymentStrategy strategy, int canaryPercent, int linearPercent, Duration interval,
    boolean paused, boolean rollbackOnAlarm, List<AnalysisGate> gates, Approval approval, List<TrafficCheck> checks) {

  static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
  static final Duration DEFAULT_APPROVAL_TIMEOUT = Duration.ofHours(1);

  public RolloutSettings {
    gates = gates == null ? List.of() : List.copyOf(gates);
    checks = checks == null ? List.of() : List.copyOf(checks);
  }

  /** The step that would bring the new version to {@code beforePercent} waits for kubectl tap promote. */
  public record Approval(int beforePercent, Duration timeout, boolean rollBackOnTimeout) {

    static Approval of(ApprovalSpec spec) {
      return spec == null ? null : new Approval(spec.getBeforePercent() == null ? 100 : spec.getBeforePercent(),
          spec.getTimeout() == null ? DEFAULT_APPROVAL_TIMEOUT : interval(spec.getTimeout()),
          spec.getOnTimeout() == ApprovalTimeout.RollBack);
    }
  }

  /** AllAtOnce, no percentages, the default interval, not paused, no rollback on alarm, until named otherwise. */
  public static Builder builder() {
    return new Builder();
  }

  public static RolloutSettings of(DeploymentSpec spec) {
    if (spec == null) {
      return builder().build();
    }
    return builder().strategy(spec.getStrategy() == null ? DeploymentStrategy.AllAtOnce : spec.getStrategy())
        .canaryPercent(spec.getCanaryPercent() == null ? 0 : spec.getCanaryPercent())
        .linearPercent(spec.getLinearPercent() == null ? 0 : spec.getLinearPercent())
        .interval(spec.getInterval() == null ? DEFAULT_INTERVAL : interval(spec.getInterval()))
        .paused(Boolean.TRUE.equals(spec.getPaused())).rollbackOnAlarm(Boolean.TRUE.equals(spec.getRollbackOnAlarm()))
        .gates(spec.getAnalysis()).approval(Approval.of(spec.getApproval())).checks(spec.getTrafficChecks())
        .build();
  }

  /** "30s", "5m", "1h", as the CRD's pattern allows. */
  public static Duration interval(String text) {
    long amount = Long.parseLong(text.substring(0, text.length() - 1));
    return switch (text.charAt(text.length() - 1)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      default -> throw new IllegalArgumentException("not an interval: " + text);
    };
  }

  /** The same settings, paused or not: {@code kubectl tap pause} holds a rollout as deployment.paused does. */
  RolloutSettings pausedIf(boolean pausedByHand) {
    return pausedByHand ? new RolloutSettings(strategy, canaryPercent, linearPercent, interval, true, rollbackOnAlarm,
        gates, approval, checks) : this;
  }

  /** Whether moving to {@code step} needs kubectl tap promote: it is the first step at or past the approval's share. */
  boolean needsApproval(int step) {
    if (approval == null) {
      return false;
    }
    double share = approval.beforePercent() / 100.0;
    return weight(step) >= share - 1e-9 && (step == 1 || weight(step - 1) < share - 1e-9);
  }

  boolean stepped() {
    return strategy != DeploymentStrategy.AllAtOnce;
  }

  /** The new version's weight at {@code step} (1, 2, ...), or 1.0 when that step is the whole of the traffic. */
  double weight(int step) {
    int percent = strategy == DeploymentStrategy.Canary ? (step == 1 ? canaryPercent : 100) : step * linearPercent;
    return percent >= 100 ? 1.0 : percent / 100.0;
  }

  /** The step a weight found on the alias belongs to (when status is lost), at least 1. */
  int stepOf(double weight) {
    if (strategy == DeploymentStrategy.Canary) {
      return 1;
    }
    return Math.max(1, (int) Math.round(weight * 100 / linearPercent));
  }

  /** The settings by name: nine positional values read as noise. */
  public static final class Builder {
    private DeploymentStrategy strategy = DeploymentStrategy.AllAtOnce;
    private int canaryPercent;
    private int linearPercent;
    private Duration interval = DEFAULT_INTERVAL;
    private boolean paused;
    private boolean rollbackOnAlarm;
    private List<AnalysisGate> gates;
    private Approval approval;
    private List<TrafficCheck> checks;

    private Builder() {}

    public Builder strategy(DeploymentStrategy value) {
      strategy = value;
      return this;
    }

    public Builder canaryPercent(int value) {
      canaryPercent = value;
      return this;
    }

    public Builder linearPercent(int value) {
      linearPercent = value;
      return this;
    }

    public Builder interval(Duration value) {
      interval = value;
      return this;
    }

    public Builder paused(boolean value) {
      paused = value;
      return this;
    }

    public Builder rollbackOnAlarm(boolean value) {
      rollbackOnAlarm = value;
      return this;
    }

    public Builder gates(List<AnalysisGate> value) {
      gates = value;
      return this;
    }

    public Builder approval(Approval value) {
      approval = value;
      return this;
    }

    public Builder checks(List<TrafficCheck> value) {
      checks = value;
      return this;
    }

    public RolloutSettings build() {
      return new RolloutSettings(strategy, canaryPercent, linearPercent, interval, paused, rollbackOnAlarm, gates,
          approval, checks);
    }
  }
}
