package dev.tap.operator.rollout;

import dev.tap.operator.api.v1alpha1.DeploymentSpec;
import dev.tap.operator.api.v1alpha1.DeploymentStrategy;
import java.time.Duration;

/**
 * {@code spec.function.deployment} as the planner needs it, with the weights of each step: Canary
 * puts {@code canaryPercent} on the new version for one interval, then all of it; Linear adds
 * {@code linearPercent} every interval until the next step would reach 100 %.
 */
public record RolloutSettings(DeploymentStrategy strategy, int canaryPercent, int linearPercent, Duration interval,
    boolean paused, boolean rollbackOnAlarm) {

  static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

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
    return pausedByHand ? new RolloutSettings(strategy, canaryPercent, linearPercent, interval, true, rollbackOnAlarm) : this;
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

  /** The settings by name: six positional values read as noise. */
  public static final class Builder {
    private DeploymentStrategy strategy = DeploymentStrategy.AllAtOnce;
    private int canaryPercent;
    private int linearPercent;
    private Duration interval = DEFAULT_INTERVAL;
    private boolean paused;
    private boolean rollbackOnAlarm;

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

    public RolloutSettings build() {
      return new RolloutSettings(strategy, canaryPercent, linearPercent, interval, paused, rollbackOnAlarm);
    }
  }
}
