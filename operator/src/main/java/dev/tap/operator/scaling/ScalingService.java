package dev.tap.operator.scaling;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;

/** The Application Auto Scaling calls for one table and its indexes, and nothing else. */
public final class ScalingService {

  private final ApplicationAutoScalingClient scaling;

  public ScalingService(ApplicationAutoScalingClient scaling) {
    this.scaling = scaling;
  }

  /** Every target and policy of the table and its indexes: one paginated call each. */
  public ObservedScaling observe(String tableResourceId) {
    List<ObservedScaling.Target> targets = new ArrayList<>();
    for (ScalableTarget target : scaling.describeScalableTargetsPaginator(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB))
        .scalableTargets()) {
      if (belongsTo(target.resourceId(), tableResourceId)) {
        targets.add(new ObservedScaling.Target(target.resourceId(), target.scalableDimensionAsString(),
            target.minCapacity(), target.maxCapacity()));
      }
    }
    List<ObservedScaling.Policy> policies = new ArrayList<>();
    for (ScalingPolicy policy : scaling.describeScalingPoliciesPaginator(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB))
        .scalingPolicies()) {
      if (belongsTo(policy.resourceId(), tableResourceId)) {
        var config = policy.targetTrackingScalingPolicyConfiguration();
        policies.add(new ObservedScaling.Policy(policy.policyName(), policy.resourceId(),
            policy.scalableDimensionAsString(), config == null ? null : config.targetValue(),
            config == null || config.predefinedMetricSpecification() == null ? null
                : config.predefinedMetricSpecification().predefinedMetricTypeAsString()));
      }
    }
    return new ObservedScaling(List.copyOf(targets), List.copyOf(policies));
  }

  public void apply(ScalingChange change) {
    if (change instanceof ScalingChange.Register register) {
      ScalingTarget target = register.target();
      scaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(target.resourceId())
          .scalableDimension(target.scalableDimension()).minCapacity(target.minCapacity())
          .maxCapacity(target.maxCapacity()));
    } else if (change instanceof ScalingChange.PutPolicy put) {
      ScalingTarget target = put.target();
      scaling.putScalingPolicy(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(target.resourceId())
          .scalableDimension(target.scalableDimension()).policyName(target.policyName())
          .policyType(PolicyType.TARGET_TRACKING_SCALING)
          .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(target.targetValue())
              .predefinedMetricSpecification(m -> m.predefinedMetricType(MetricType.fromValue(target.metricType())))));
    } else if (change instanceof ScalingChange.Deregister deregister) {
      scaling.deregisterScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
          .resourceId(deregister.resourceId()).scalableDimension(deregister.scalableDimension()));
    }
  }

  private static boolean belongsTo(String resourceId, String tableResourceId) {
    return resourceId.equals(tableResourceId) || resourceId.startsWith(tableResourceId + "/index/");
  }
}
