package dev.tap.operator.aws.simulated.autoscaling;

import dev.tap.operator.aws.AwsServices;
import dev.tap.operator.aws.simulated.AwsErrors;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.aws.simulated.dynamodb.SimulatedDynamoDb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.DeleteScalingPolicyRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DeleteScalingPolicyResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.DeregisterScalableTargetRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DeregisterScalableTargetResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalableTargetsRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalableTargetsResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingPoliciesRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingPoliciesResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.ObjectNotFoundException;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.RegisterScalableTargetRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.RegisterScalableTargetResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;
import software.amazon.awssdk.services.applicationautoscaling.model.ValidationException;

/**
 * Application Auto Scaling for DynamoDB tables and indexes, per its API Reference: scalable
 * targets are upserted and pull current capacity into [min, max]; target-tracking policies use the
 * DynamoDB predefined metrics. {@link #scale} plays the scaler itself, within a target's bounds.
 */
public final class SimulatedAutoScaling implements ApplicationAutoScalingClient {

  private static final String SERVICE = AwsServices.APPLICATION_AUTO_SCALING.name();
  private static final Pattern RESOURCE_ID = Pattern.compile("^table/([a-zA-Z0-9_.-]{3,255})(/index/([a-zA-Z0-9_.-]{3,255}))?$");
  private static final int PAGE_SIZE = 50;
  /** TargetValue: "Minimum value of 8.515920e-109. Maximum value of 1.174271e+108." */
  private static final double MIN_TARGET = 8.515920e-109;
  private static final double MAX_TARGET = 1.174271e+108;

  private final String region;
  private final SimulatedAws aws;
  private final Map<String, ScalableTarget> targets = new LinkedHashMap<>();
  private final Map<String, ScalingPolicy> policies = new LinkedHashMap<>();

  public SimulatedAutoScaling(SimulatedAws aws, String region) {
    this.region = region;
    this.aws = aws;
  }

  /** The region's DynamoDB, whose capacity the scaler sets. */
  private SimulatedDynamoDb dynamo() {
    return aws.dynamoDb(region);
  }

  @Override
  public String serviceName() {
    return "application-autoscaling";
  }

  @Override
  public void close() {
    // Nothing to release: the simulated account outlives its clients.
  }

  // ---- RegisterScalableTarget: an upsert; current capacity is pulled into [min, max]. ---------

  @Override
  public synchronized RegisterScalableTargetResponse registerScalableTarget(RegisterScalableTargetRequest request) {
    aws.enter(SERVICE, "RegisterScalableTarget");
    checkNamespace(request.serviceNamespace());
    Matcher id = resourceId(request.resourceId());
    boolean read = dimension(request.scalableDimension(), id);
    long[] capacity = dynamo().capacity(id.group(1), id.group(3)).orElseThrow(() ->
        validation("Unable to find the DynamoDB resource " + request.resourceId()));
    String key = key(request.resourceId(), request.scalableDimension());
    ScalableTarget existing = targets.get(key);
    Integer min = request.minCapacity() != null ? request.minCapacity() : existing == null ? null : existing.minCapacity();
    Integer max = request.maxCapacity() != null ? request.maxCapacity() : existing == null ? null : existing.maxCapacity();
    if (min == null || max == null) {
      throw validation("MinCapacity and MaxCapacity are required when registering a new scalable target");
    }
    if (min > max) {
      throw validation("Minimum capacity cannot be larger than the maximum capacity");
    }
    ScalableTarget target = ScalableTarget.builder().serviceNamespace(ServiceNamespace.DYNAMODB)
        .resourceId(request.resourceId()).scalableDimension(request.scalableDimension())
        .minCapacity(min).maxCapacity(max).roleARN(request.roleARN())
        .scalableTargetARN("arn:aws:application-autoscaling:" + region + ":" + SimulatedAws.ACCOUNT_ID
            + ":scalable-target/" + Integer.toHexString(key.hashCode()))
        .creationTime(existing == null ? aws.clock().instant() : existing.creationTime()).build();
    targets.put(key, target);
    long current = read ? capacity[0] : capacity[1];
    long clamped = Math.max(min, Math.min(max, current));
    dynamo().scaleCapacity(id.group(1), id.group(3), read, clamped);
    return RegisterScalableTargetResponse.builder().scalableTargetARN(target.scalableTargetARN()).build();
  }

  @Override
  public synchronized DescribeScalableTargetsResponse describeScalableTargets(DescribeScalableTargetsRequest request) {
    aws.enter(SERVICE, "DescribeScalableTargets");
    checkNamespace(request.serviceNamespace());
    List<ScalableTarget> matching = targets.values().stream()
        .filter(t -> request.resourceIds().isEmpty() || request.resourceIds().contains(t.resourceId()))
        .filter(t -> request.scalableDimension() == null || request.scalableDimension() == t.scalableDimension())
        .toList();
    Page<ScalableTarget> page = page(matching, request.nextToken(), request.maxResults());
    return DescribeScalableTargetsResponse.builder().scalableTargets(page.items()).nextToken(page.nextToken()).build();
  }

  // ---- DeregisterScalableTarget: also deletes the target's policies. ----------------------------

  @Override
  public synchronized DeregisterScalableTargetResponse deregisterScalableTarget(DeregisterScalableTargetRequest request) {
    aws.enter(SERVICE, "DeregisterScalableTarget");
    checkNamespace(request.serviceNamespace());
    String key = key(request.resourceId(), request.scalableDimension());
    if (targets.remove(key) == null) {
      throw noTarget(request.resourceId(), request.scalableDimensionAsString());
    }
    policies.values().removeIf(p -> key(p.resourceId(), p.scalableDimension()).equals(key));
    return DeregisterScalableTargetResponse.builder().build();
  }

  // ---- PutScalingPolicy: target tracking on the dimension's own predefined metric. --

  @Override
  public synchronized PutScalingPolicyResponse putScalingPolicy(PutScalingPolicyRequest request) {
    aws.enter(SERVICE, "PutScalingPolicy");
    checkNamespace(request.serviceNamespace());
    Matcher id = resourceId(request.resourceId());
    boolean read = dimension(request.scalableDimension(), id);
    if (!targets.containsKey(key(request.resourceId(), request.scalableDimension()))) {
      throw noTarget(request.resourceId(), request.scalableDimensionAsString());
    }
    if (request.policyType() != PolicyType.TARGET_TRACKING_SCALING) {
      throw validation("this simulation models TargetTrackingScaling policies only");
    }
    TargetTrackingScalingPolicyConfiguration config = request.targetTrackingScalingPolicyConfiguration();
    if (config == null || config.targetValue() == null || config.predefinedMetricSpecification() == null) {
      throw validation("TargetTrackingScalingPolicyConfiguration needs a TargetValue and a PredefinedMetricSpecification");
    }
    MetricType expected = read ? MetricType.DYNAMO_DB_READ_CAPACITY_UTILIZATION : MetricType.DYNAMO_DB_WRITE_CAPACITY_UTILIZATION;
    if (config.predefinedMetricSpecification().predefinedMetricType() != expected) {
      throw validation("PredefinedMetricType " + config.predefinedMetricSpecification().predefinedMetricTypeAsString()
          + " does not match scalable dimension " + request.scalableDimensionAsString());
    }
    if (config.targetValue() < MIN_TARGET || config.targetValue() > MAX_TARGET) {
      throw validation("TargetValue must be between " + MIN_TARGET + " and " + MAX_TARGET);
    }
    String arn = "arn:aws:autoscaling:" + region + ":" + SimulatedAws.ACCOUNT_ID + ":scalingPolicy:"
        + Integer.toHexString(request.resourceId().hashCode()) + ":resource/dynamodb/" + request.resourceId()
        + ":policyName/" + request.policyName();
    ScalingPolicy policy = ScalingPolicy.builder().policyName(request.policyName()).policyARN(arn)
        .serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(request.resourceId())
        .scalableDimension(request.scalableDimension()).policyType(PolicyType.TARGET_TRACKING_SCALING)
        .targetTrackingScalingPolicyConfiguration(config).creationTime(aws.clock().instant()).build();
    policies.put(policyKey(request.policyName(), request.resourceId(), request.scalableDimension()), policy);
    return PutScalingPolicyResponse.builder().policyARN(arn).build();
  }

  @Override
  public synchronized DescribeScalingPoliciesResponse describeScalingPolicies(DescribeScalingPoliciesRequest request) {
    aws.enter(SERVICE, "DescribeScalingPolicies");
    checkNamespace(request.serviceNamespace());
    List<ScalingPolicy> matching = policies.values().stream()
        .filter(p -> request.resourceId() == null || request.resourceId().equals(p.resourceId()))
        .filter(p -> request.policyNames().isEmpty() || request.policyNames().contains(p.policyName()))
        .toList();
    Page<ScalingPolicy> page = page(matching, request.nextToken(), request.maxResults());
    return DescribeScalingPoliciesResponse.builder().scalingPolicies(page.items()).nextToken(page.nextToken()).build();
  }

  @Override
  public synchronized DeleteScalingPolicyResponse deleteScalingPolicy(DeleteScalingPolicyRequest request) {
    aws.enter(SERVICE, "DeleteScalingPolicy");
    if (policies.remove(policyKey(request.policyName(), request.resourceId(), request.scalableDimension())) == null) {
      throw notFound("No scaling policy found for service namespace: dynamodb, resource ID: " + request.resourceId()
          + ", scalable dimension: " + request.scalableDimensionAsString() + ", policy name: " + request.policyName());
    }
    return DeleteScalingPolicyResponse.builder().build();
  }

  // ---- the scaler ------------------------------------------------------------------------------

  /**
   * Does what target tracking does when traffic changes: sets the capacity of a registered target,
   * kept within its [min, max]. Returns the capacity set.
   */
  public synchronized long scale(String resourceId, ScalableDimension dimension, long wanted) {
    ScalableTarget target = targets.get(key(resourceId, dimension));
    if (target == null) {
      throw new IllegalStateException("no scalable target " + resourceId + " " + dimension);
    }
    Matcher id = resourceId(resourceId);
    long capacity = Math.max(target.minCapacity(), Math.min(target.maxCapacity(), wanted));
    dynamo().scaleCapacity(id.group(1), id.group(3), dimension(dimension, id), capacity);
    return capacity;
  }

  /** A read-only view for inventories and assertions; counts no call. */
  public synchronized List<ScalableTarget> peekTargets() {
    return List.copyOf(targets.values());
  }

  public synchronized List<ScalingPolicy> peekPolicies() {
    return List.copyOf(policies.values());
  }

  // ---- rules shared by the operations ------------------------------------------------------------

  private record Page<T>(List<T> items, String nextToken) {}

  private static <T> Page<T> page(List<T> all, String token, Integer maxResults) {
    int size = maxResults == null ? PAGE_SIZE : Math.min(maxResults, PAGE_SIZE);
    int from;
    try {
      from = token == null ? 0 : Integer.parseInt(token);
    } catch (NumberFormatException e) {
      throw validation("Invalid NextToken");
    }
    int to = Math.min(all.size(), from + size);
    return new Page<>(new ArrayList<>(all.subList(Math.min(from, to), to)), to < all.size() ? Integer.toString(to) : null);
  }

  private static void checkNamespace(ServiceNamespace namespace) {
    if (namespace != ServiceNamespace.DYNAMODB) {
      throw validation("this simulation models the dynamodb service namespace only, not " + namespace);
    }
  }

  private static Matcher resourceId(String resourceId) {
    Matcher matcher = RESOURCE_ID.matcher(resourceId == null ? "" : resourceId);
    if (!matcher.matches()) {
      throw validation("Unsupported resource ID for DynamoDB: " + resourceId);
    }
    return matcher;
  }

  /** True for a read dimension; the dimension must be a table one for a table, an index one for an index. */
  private static boolean dimension(ScalableDimension dimension, Matcher id) {
    boolean index = id.group(3) != null;
    return switch (Optional.ofNullable(dimension).orElse(ScalableDimension.UNKNOWN_TO_SDK_VERSION)) {
      case DYNAMODB_TABLE_READ_CAPACITY_UNITS -> requireKind(true, !index, dimension);
      case DYNAMODB_TABLE_WRITE_CAPACITY_UNITS -> requireKind(false, !index, dimension);
      case DYNAMODB_INDEX_READ_CAPACITY_UNITS -> requireKind(true, index, dimension);
      case DYNAMODB_INDEX_WRITE_CAPACITY_UNITS -> requireKind(false, index, dimension);
      default -> throw validation("Unsupported scalable dimension for DynamoDB: " + dimension);
    };
  }

  private static boolean requireKind(boolean read, boolean matches, ScalableDimension dimension) {
    if (!matches) {
      throw validation("Scalable dimension " + dimension + " does not match the resource ID");
    }
    return read;
  }

  private static String key(String resourceId, ScalableDimension dimension) {
    return resourceId + "|" + dimension;
  }

  private static String policyKey(String name, String resourceId, ScalableDimension dimension) {
    return name + "|" + key(resourceId, dimension);
  }

  private static ValidationException validation(String message) {
    return AwsErrors.build(ValidationException.builder(), SERVICE, "ValidationException", 400, message);
  }

  private static AwsServiceException noTarget(String resourceId, String dimension) {
    return notFound("No scalable target registered for service namespace: dynamodb, resource ID: " + resourceId
        + ", scalable dimension: " + dimension);
  }

  private static AwsServiceException notFound(String message) {
    return AwsErrors.build(ObjectNotFoundException.builder(), SERVICE, "ObjectNotFoundException", 400, message);
  }
}
