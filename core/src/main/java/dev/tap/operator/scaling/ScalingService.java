package dev.tap.operator.scaling;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ApplicationAutoScalingResponse;
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

  /**
   * The targets and policies of the given resources (the table and its indexes), whatever else the
   * account holds: DescribeScalableTargets filtered by those ResourceIds, DescribeScalingPolicies
   * filtered by the names of their policies (its ResourceId filter takes one id), then by resource here.
   */
  public ObservedScaling observe(List<String> resourceIds) {
    List<ObservedScaling.Target> targets = new ArrayList<>();
    for (ScalableTarget target : scaling.describeScalableTargetsPaginator(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
        .resourceIds(resourceIds)).scalableTargets()) {
      if (resourceIds.contains(target.resourceId())) {
        targets.add(new ObservedScaling.Target(target.resourceId(), target.scalableDimensionAsString(),
            target.minCapacity(), target.maxCapacity()));
      }
    }
    List<ObservedScaling.Policy> policies = new ArrayList<>();
    for (ScalingPolicy policy : scaling.describeScalingPoliciesPaginator(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
        .policyNames(ScalingDesiredBuilder.policyNames(resourceIds))).scalingPolicies()) {
      if (resourceIds.contains(policy.resourceId())) {
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
    change.accept(new ScalingChange.Visitor<ApplicationAutoScalingResponse>() {
      @Override
      public ApplicationAutoScalingResponse register(ScalingChange.Register register) {
        ScalingTarget target = register.target();
        return scaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
            .resourceId(target.resourceId()).scalableDimension(target.scalableDimension())
            .minCapacity(target.minCapacity()).maxCapacity(target.maxCapacity()));
      }

      @Override
      public ApplicationAutoScalingResponse putPolicy(ScalingChange.PutPolicy put) {
        ScalingTarget target = put.target();
        return scaling.putScalingPolicy(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
            .resourceId(target.resourceId()).scalableDimension(target.scalableDimension())
            .policyName(target.policyName()).policyType(PolicyType.TARGET_TRACKING_SCALING)
            .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(target.targetValue())
                .predefinedMetricSpecification(m -> m.predefinedMetricType(MetricType.fromValue(target.metricType())))));
      }

      @Override
      public ApplicationAutoScalingResponse deregister(ScalingChange.Deregister deregister) {
        return scaling.deregisterScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
            .resourceId(deregister.resourceId()).scalableDimension(deregister.scalableDimension()));
      }
    });
  }
}
