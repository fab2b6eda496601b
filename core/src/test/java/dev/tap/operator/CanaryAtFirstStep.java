package dev.tap.operator;

import dev.tap.operator.api.v1alpha1.RolloutStatus;

/** The rollout status tests of the rollout's views and rules start from: version 2 at step 1 with 10 % of traffic. */
public final class CanaryAtFirstStep {

  private CanaryAtFirstStep() {}

  /** Version 1 stable, version 2 at step 1 with 10 %; when the step started is for each test to say. */
  public static RolloutStatus rollout() {
    RolloutStatus rollout = new RolloutStatus();
    rollout.setPhase(RolloutStatus.PROGRESSING);
    rollout.setStableVersion("1");
    rollout.setTargetVersion("2");
    rollout.setStep(1);
    rollout.setWeight(0.1);
    return rollout;
  }
}
