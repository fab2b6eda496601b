package dev.tap.operator.scaling;

/** One change to Application Auto Scaling; unlike table changes, all of them can be made at once. */
public sealed interface ScalingChange {

  <R> R accept(Visitor<R> visitor);

  /** One method per change: a new change does not compile until every visitor handles it. */
  interface Visitor<R> {

    R register(Register change);

    R putPolicy(PutPolicy change);

    R deregister(Deregister change);
  }

  /** RegisterScalableTarget: creates the target or updates its bounds (an upsert). */
  record Register(ScalingTarget target) implements ScalingChange {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.register(this);
    }
  }

  /** PutScalingPolicy: creates the policy or updates its target value (an upsert). */
  record PutPolicy(ScalingTarget target) implements ScalingChange {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.putPolicy(this);
    }
  }

  /** DeregisterScalableTarget: the dimension is no longer autoscaled; its policies go with it. */
  record Deregister(String resourceId, String scalableDimension) implements ScalingChange {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.deregister(this);
    }
  }
}
