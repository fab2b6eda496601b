package dev.tap.operator.scaling;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The changes that make Application Auto Scaling match the spec: register or re-bound targets, put
 * policies whose target value or metric differs, deregister targets no longer wanted. Pure.
 */
public final class ScalingDelta {

  private ScalingDelta() {}

  public static List<ScalingChange> changes(List<ScalingTarget> desired, ObservedScaling observed) {
    List<ScalingChange> changes = new ArrayList<>();
    for (ScalingTarget target : desired) {
      Optional<ObservedScaling.Target> registered = observed.target(target.key());
      if (registered.isEmpty() || registered.get().minCapacity() != target.minCapacity()
          || registered.get().maxCapacity() != target.maxCapacity()) {
        changes.add(new ScalingChange.Register(target));
      }
      Optional<ObservedScaling.Policy> policy = observed.policy(target.key(), target.policyName());
      if (policy.isEmpty() || !Objects.equals(policy.get().targetValue(), target.targetValue())
          || !target.metricType().equals(policy.get().metricType())) {
        changes.add(new ScalingChange.PutPolicy(target));
      }
    }
    for (ObservedScaling.Target registered : observed.targets()) {
      if (desired.stream().noneMatch(t -> t.key().equals(registered.key()))) {
        changes.add(new ScalingChange.Deregister(registered.resourceId(), registered.scalableDimension()));
      }
    }
    return List.copyOf(changes);
  }
}
