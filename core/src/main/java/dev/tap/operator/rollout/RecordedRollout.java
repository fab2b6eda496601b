package dev.tap.operator.rollout;

import dev.tap.operator.api.v1alpha1.CheckResult;
import dev.tap.operator.api.v1alpha1.GateResult;
import dev.tap.operator.api.v1alpha1.RolloutStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code status.rollout}: what the operator recorded before it changed the alias. A step is recorded
 * first and applied in the next reconcile, so a crash between the two repeats the same step.
 */
public record RecordedRollout(String phase, String stable, String target, int step, double weight, Instant stepStartedAt,
    Instant startedAt, String alarm, String message, List<GateResult> gates, List<CheckResult> checks) {

  public RecordedRollout {
    gates = gates == null ? List.of() : List.copyOf(gates);
    checks = checks == null ? List.of() : List.copyOf(checks);
  }

  static final String PROGRESSING = RolloutStatus.PROGRESSING;
  static final String SUCCEEDED = "Succeeded";
  static final String ROLLED_BACK = RolloutStatus.ROLLED_BACK;

  /** Nothing recorded (step 0, weight 0, no times, alarm or message) until named otherwise. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this record. */
  public Builder toBuilder() {
    return builder().phase(phase).stable(stable).target(target).step(step).weight(weight).stepStartedAt(stepStartedAt)
        .startedAt(startedAt).alarm(alarm).message(message).gates(gates).checks(checks);
  }

  static Optional<RecordedRollout> from(RolloutStatus status) {
    if (status == null || status.getPhase() == null || status.getTargetVersion() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(builder().phase(status.getPhase()).stable(status.getStableVersion())
          .target(status.getTargetVersion()).step(status.getStep() == null ? 0 : status.getStep())
          .weight(status.getWeight() == null ? 0 : status.getWeight())
          .stepStartedAt(status.getStepStartedAt() == null ? null : Instant.parse(status.getStepStartedAt()))
          .startedAt(status.getStartedAt() == null ? null : Instant.parse(status.getStartedAt()))
          .alarm(status.getAlarm()).message(status.getMessage()).gates(status.getGates()).checks(status.getChecks())
          .build());
    } catch (RuntimeException e) {
      // Someone edited the status by hand: start from what AWS holds, as after a lost status.
      return Optional.empty();
    }
  }

  boolean progressing(String stableVersion, String targetVersion) {
    return PROGRESSING.equals(phase) && targetVersion.equals(target) && stableVersion.equals(stable);
  }

  RecordedRollout withMessage(String text) {
    return toBuilder().message(text).build();
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
    status.setGates(gates.isEmpty() ? null : gates);
    status.setChecks(checks.isEmpty() ? null : checks);
    return status;
  }

  /** The record by name: eleven positional values, most of them often 0 or null, read as noise. */
  public static final class Builder {
    private String phase;
    private String stable;
    private String target;
    private int step;
    private double weight;
    private Instant stepStartedAt;
    private Instant startedAt;
    private String alarm;
    private String message;
    private List<GateResult> gates;
    private List<CheckResult> checks;

    private Builder() {}

    public Builder phase(String value) {
      phase = value;
      return this;
    }

    public Builder stable(String value) {
      stable = value;
      return this;
    }

    public Builder target(String value) {
      target = value;
      return this;
    }

    public Builder step(int value) {
      step = value;
      return this;
    }

    public Builder weight(double value) {
      weight = value;
      return this;
    }

    public Builder stepStartedAt(Instant value) {
      stepStartedAt = value;
      return this;
    }

    public Builder startedAt(Instant value) {
      startedAt = value;
      return this;
    }

    public Builder alarm(String value) {
      alarm = value;
      return this;
    }

    public Builder message(String value) {
      message = value;
      return this;
    }

    public Builder gates(List<GateResult> value) {
      gates = value;
      return this;
    }

    public Builder checks(List<CheckResult> value) {
      checks = value;
      return this;
    }

    public RecordedRollout build() {
      return new RecordedRollout(phase, stable, target, step, weight, stepStartedAt, startedAt, alarm, message, gates,
          checks);
    }
  }
}
