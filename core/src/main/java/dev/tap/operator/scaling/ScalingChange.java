package dev.tap.operator.scaling;

/** One change to Application Auto Scaling; unlike table changes, all of them can be made at once. */
public sealed interface ScalingChange {

  /** RegisterScalableTarget: creates the target or updates its bounds (an upsert). */
  record Register(ScalingTarget target) implements ScalingChange {}

  /** PutScalingPolicy: creates the policy or updates its target value (an upsert). */
  record PutPolicy(ScalingTarget target) implements ScalingChange {}

  /** DeregisterScalableTarget: the dimension is no longer autoscaled; its policies go with it. */
  record Deregister(String resourceId, String scalableDimension) implements ScalingChange {}
}
