package dev.tap.operator.rollout;

import dev.tap.operator.api.v1alpha1.RolloutStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code status.rollout}: what the operator recorded before it changed the alias. A step is recorded
 * first and applied in the next reconcile, so a crash between the two repeats the same step.
 */
public record RecordedRollout(String phase, String stable, String target, int step, double weight, Instant stepStartedAt,
    Instant startedAt, String alarm, String message) {

  static final String PROGRESSING = RolloutStatus.PROGRESSING;
  static final String SUCCEEDED = "Succeeded";
  static final String ROLLED_BACK = "RolledBack";

  static Optional<RecordedRollout> from(RolloutStatus status) {
    if (status == null || status.getPhase() == null || status.getTargetVersion() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new RecordedRollout(status.getPhase(), status.getStableVersion(), status.getTargetVersion(),
          status.getStep() == null ? 0 : status.getStep(), status.getWeight() == null ? 0 : status.getWeight(),
          status.getStepStartedAt() == null ? null : Instant.parse(status.getStepStartedAt()),
          status.getStartedAt() == null ? null : Instant.parse(status.getStartedAt()), status.getAlarm(),
          status.getMessage()));
    } catch (RuntimeException e) {
      // Someone edited the status by hand: start from what AWS holds, as after a lost status.
      return Optional.empty();
    }
  }

  boolean progressing(String stableVersion, String targetVersion) {
    return PROGRESSING.equals(phase) && targetVersion.equals(target) && stableVersion.equals(stable);
  }

  RecordedRollout withMessage(String text) {
    return new RecordedRollout(phase, stable, target, step, weight, stepStartedAt, startedAt, alarm, text);
  }

  RolloutStatus toStatus() {
    RolloutStatus status = new RolloutStatus();
    status.setPhase(phase);
    status.setStableVersion(stable);
    status.setTargetVersion(target);
    status.setStep(step);
    status.setWeight(weight);
    status.setStepStartedAt(stepStartedAt == null ? null : stepStartedAt.toString());
    status.setStartedAt(startedAt == null ? null : startedAt.toString());
    status.setAlarm(alarm);
    status.setMessage(message);
    return status;
  }
}
