package dev.tap.operator.scaling;

import dev.tap.operator.api.v1alpha1.ScalingStatus;
import dev.tap.operator.api.v1alpha1.ScalingTargetStatus;
import dev.tap.operator.api.v1alpha1.ServerlessApiStatus;
import dev.tap.operator.workflow.DependentOutcome;
import java.util.List;

/** What the scaling dependent saw and did in this reconcile: the state before, the wanted targets, the changes. */
public record ScalingOutcome(ObservedScaling observed, List<ScalingTarget> desired, List<ScalingChange> changes)
    implements DependentOutcome {

  /** Ready when this reconcile found nothing to change: the status then shows what AWS holds. */
  @Override
  public boolean ready() {
    return changes.isEmpty();
  }

  @Override
  public String progress() {
    return ready() ? "auto scaling is in sync" : "applying auto scaling";
  }

  @Override
  public void writeStatus(ServerlessApiStatus status) {
    ScalingStatus scaling = new ScalingStatus();
    scaling.setTargets(observed.targets().stream().map(this::target).toList());
    status.setScaling(scaling);
  }

  private ScalingTargetStatus target(ObservedScaling.Target target) {
    ScalingTargetStatus status = new ScalingTargetStatus();
    status.setResourceId(target.resourceId());
    status.setScalableDimension(target.scalableDimension());
    status.setMinCapacity((long) target.minCapacity());
    status.setMaxCapacity((long) target.maxCapacity());
    observed.policyOf(target).ifPresent(p -> {
      status.setPolicyName(p.policyName());
      status.setTargetUtilizationPercent(p.targetValue());
    });
    return status;
  }
}
