package dev.tap.operator.scaling;

/**
 * One autoscaled dimension: its Application Auto Scaling target ({@code table/NAME} or
 * {@code table/NAME/index/INDEX} and a scalable dimension) and its target-tracking policy.
 */
public record ScalingTarget(String resourceId, String scalableDimension, int minCapacity, int maxCapacity,
    double targetValue, String policyName, String metricType) {

  public String key() {
    return resourceId + " " + scalableDimension;
  }
}
