package dev.tap.operator.rollout;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a rollout decision depends on, read in this reconcile: the clock, the spec's deployment
 * settings, the alias as Lambda holds it ({@code stable} plus at most one {@code additional} version
 * with its {@code weight}), the version the spec wants, why that version cannot share the alias
 * (null: it can), the version the alias's description marks as rolled back, what status recorded,
 * whether the rollout alarm exists, the rollback alarms in ALARM, the kubectl tap commands waiting, and
 * how to gather what the new version did when a gate or a check asks.
 */
public record RolloutInput(Instant now, RolloutSettings settings, String stable, String additional, double weight,
    String target, boolean pinned, String splitBlocker, String rolledBack, Optional<RecordedRollout> recorded,
    boolean rolloutAlarmReady, List<FiringAlarm> firing, RolloutCommands commands, RolloutEvidence evidence) {

  /**
   * An alarm in ALARM with CloudWatch's reason, since when ({@code since}, null: unknown), and whether it
   * watches the target version alone (the rollout alarm, by ExecutedVersion).
   */
  public record FiringAlarm(String name, String reason, Instant since, boolean watchesTarget) {
    public FiringAlarm(String name, String reason) {
      this(name, reason, null, false);
    }
  }

  /** No split; nothing pinned, blocked, rolled back or recorded; no alarm ready or firing; until named otherwise. */
  public static Builder builder() {
    return new Builder();
  }

  /** The input by name: fourteen positional values read as noise. */
  public static final class Builder {
    private Instant now;
    private RolloutSettings settings;
    private String stable;
    private String additional;
    private double weight;
    private String target;
    private boolean pinned;
    private String splitBlocker;
    private String rolledBack;
    private Optional<RecordedRollout> recorded = Optional.empty();
    private boolean rolloutAlarmReady;
    private List<FiringAlarm> firing = List.of();
    private RolloutCommands commands = RolloutCommands.none();
    private RolloutEvidence evidence = RolloutEvidence.NONE;

    private Builder() {}

    public Builder now(Instant value) {
      now = value;
      return this;
    }

    public Builder settings(RolloutSettings value) {
      settings = value;
      return this;
    }

    public Builder stable(String value) {
      stable = value;
      return this;
    }

    public Builder additional(String value) {
      additional = value;
      return this;
    }

    public Builder weight(double value) {
      weight = value;
      return this;
    }

    public Builder target(String value) {
      target = value;
      return this;
    }

    public Builder pinned(boolean value) {
      pinned = value;
      return this;
    }

    public Builder splitBlocker(String value) {
      splitBlocker = value;
      return this;
    }

    public Builder rolledBack(String value) {
      rolledBack = value;
      return this;
    }

    public Builder recorded(Optional<RecordedRollout> value) {
      recorded = value;
      return this;
    }

    public Builder rolloutAlarmReady(boolean value) {
      rolloutAlarmReady = value;
      return this;
    }

    public Builder firing(List<FiringAlarm> value) {
      firing = value;
      return this;
    }

    public Builder commands(RolloutCommands value) {
      commands = value;
      return this;
    }

    public Builder evidence(RolloutEvidence value) {
      evidence = value;
      return this;
    }

    public RolloutInput build() {
      return new RolloutInput(now, settings, stable, additional, weight, target, pinned, splitBlocker, rolledBack,
          recorded, rolloutAlarmReady, firing, commands, evidence);
    }
  }
}
