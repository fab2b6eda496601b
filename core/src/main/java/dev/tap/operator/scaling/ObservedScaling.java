package dev.tap.operator.scaling;

import java.util.List;
import java.util.Optional;

/** The scalable targets and policies Application Auto Scaling holds for one table and its indexes. */
public record ObservedScaling(List<Target> targets, List<Policy> policies) {

  /** A registered scalable target. */
  public record Target(String resourceId, String scalableDimension, int minCapacity, int maxCapacity) {
    public String key() {
      return resourceId + " " + scalableDimension;
    }
  }

  /** A target-tracking policy on a target. */
  public record Policy(String policyName, String resourceId, String scalableDimension, Double targetValue,
      String metricType) {
    public String key() {
      return resourceId + " " + scalableDimension;
    }
  }

  public Optional<Target> target(String key) {
    return targets.stream().filter(t -> t.key().equals(key)).findFirst();
  }

  /** The first policy on a target, if any. */
  public Optional<Policy> policyOf(Target target) {
    return policies.stream().filter(p -> p.key().equals(target.key())).findFirst();
  }

  public Optional<Policy> policy(String key, String policyName) {
    return policies.stream().filter(p -> p.key().equals(key) && p.policyName().equals(policyName)).findFirst();
  }
}
