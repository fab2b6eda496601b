package dev.tap.operator.aws.simulated.autoscaling;

import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.aws.simulated.SimulatedClient;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.DeleteScalingPolicyRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DeleteScalingPolicyResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.DeregisterScalableTargetRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DeregisterScalableTargetResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalableTargetsRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalableTargetsResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingPoliciesRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingPoliciesResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.RegisterScalableTargetRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.RegisterScalableTargetResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;

/**
 * The SDK's {@link ApplicationAutoScalingClient} over {@link AutoScalingState}: each operation enters
 * the account (counted, delayed, faulted, rate-limited), hands the request's fields to the state and
 * builds the response, paginated as the API pages it. No rule lives here.
 */
public final class SimulatedAutoScaling extends SimulatedClient<AutoScalingState> implements ApplicationAutoScalingClient {

  /** DescribeScalableTargets MaxResults: "between 1 and 50. The default value is 50." */
  private static final int TARGETS_PAGE = 50;
  /** DescribeScalingPolicies MaxResults: "between 1 and 10. The default value is 10." */
  private static final int POLICIES_PAGE = 10;

  public SimulatedAutoScaling(SimulatedAws aws, String region) {
    super(aws, SimulatedAws.APPLICATION_AUTO_SCALING, new AutoScalingState(region, aws));
  }

  @Override
  public RegisterScalableTargetResponse registerScalableTarget(RegisterScalableTargetRequest request) {
    enter("RegisterScalableTarget");
    ScalableTarget target = state().register(request.serviceNamespace(), request.resourceId(), request.scalableDimension(),
        request.minCapacity(), request.maxCapacity(), request.roleARN());
    return RegisterScalableTargetResponse.builder().scalableTargetARN(target.scalableTargetARN()).build();
  }

  @Override
  public DescribeScalableTargetsResponse describeScalableTargets(DescribeScalableTargetsRequest request) {
    enter("DescribeScalableTargets");
    List<ScalableTarget> matching = state().targets(request.serviceNamespace(), request.resourceIds(),
        request.scalableDimension());
    Page<ScalableTarget> page = page(matching, request.nextToken(), request.maxResults(), TARGETS_PAGE);
    return DescribeScalableTargetsResponse.builder().scalableTargets(page.items()).nextToken(page.nextToken()).build();
  }

  @Override
  public DeregisterScalableTargetResponse deregisterScalableTarget(DeregisterScalableTargetRequest request) {
    enter("DeregisterScalableTarget");
    state().deregister(request.serviceNamespace(), request.resourceId(), request.scalableDimension());
    return DeregisterScalableTargetResponse.builder().build();
  }

  @Override
  public PutScalingPolicyResponse putScalingPolicy(PutScalingPolicyRequest request) {
    enter("PutScalingPolicy");
    ScalingPolicy policy = state().putPolicy(request.serviceNamespace(), request.resourceId(), request.scalableDimension(),
        request.policyName(), request.policyType(), request.targetTrackingScalingPolicyConfiguration());
    return PutScalingPolicyResponse.builder().policyARN(policy.policyARN()).build();
  }

  @Override
  public DescribeScalingPoliciesResponse describeScalingPolicies(DescribeScalingPoliciesRequest request) {
    enter("DescribeScalingPolicies");
    List<ScalingPolicy> matching = state().policies(request.serviceNamespace(), request.resourceId(),
        request.scalableDimension(), request.policyNames());
    Page<ScalingPolicy> page = page(matching, request.nextToken(), request.maxResults(), POLICIES_PAGE);
    return DescribeScalingPoliciesResponse.builder().scalingPolicies(page.items()).nextToken(page.nextToken()).build();
  }

  @Override
  public DeleteScalingPolicyResponse deleteScalingPolicy(DeleteScalingPolicyRequest request) {
    enter("DeleteScalingPolicy");
    state().deletePolicy(request.policyName(), request.resourceId(), request.scalableDimension());
    return DeleteScalingPolicyResponse.builder().build();
  }

  // ---- test controls, on the state --------------------------------------------------------------

  public long scale(String resourceId, ScalableDimension dimension, long wanted) {
    return state().scale(resourceId, dimension, wanted);
  }

  public List<ScalableTarget> peekTargets() {
    return state().peekTargets();
  }

  public List<ScalingPolicy> peekPolicies() {
    return state().peekPolicies();
  }

  // ---- pagination --------------------------------------------------------------------------------

  private record Page<T>(List<T> items, String nextToken) {}

  private static <T> Page<T> page(List<T> all, String token, Integer maxResults, int limit) {
    if (maxResults != null && (maxResults < 1 || maxResults > limit)) {
      throw AutoScalingState.validation("MaxResults must be between 1 and " + limit);
    }
    int size = maxResults == null ? limit : maxResults;
    int from;
    try {
      from = token == null ? 0 : Integer.parseInt(token);
    } catch (NumberFormatException e) {
      throw AutoScalingState.validation("Invalid NextToken");
    }
    int to = Math.min(all.size(), from + size);
    return new Page<>(new ArrayList<>(all.subList(Math.min(from, to), to)), to < all.size() ? Integer.toString(to) : null);
  }
}
