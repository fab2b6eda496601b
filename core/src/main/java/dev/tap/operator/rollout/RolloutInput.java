package dev.tap.operator.rollout;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a rollout decision depends on, read in this reconcile: the clock, the spec's deployment
 * settings, the alias as Lambda holds it ({@code stable} plus at most one {@code additional} version
 * with its {@code weight}), the version the spec wants, why that version cannot share the alias
 * (null: it can), the version the alias's description marks as rolled back, what status recorded,
 * whether the rollout alarm exists, and the rollback alarms in ALARM.
 */
public record RolloutInput(Instant now, RolloutSettings settings, String stable, String additional, double weight,
    String target, boolean pinned, String splitBlocker, String rolledBack, Optional<RecordedRollout> recorded,
    boolean rolloutAlarmReady, List<FiringAlarm> firing) {

  /** An alarm in ALARM with CloudWatch's reason. */
  public record FiringAlarm(String name, String reason) {}
}
