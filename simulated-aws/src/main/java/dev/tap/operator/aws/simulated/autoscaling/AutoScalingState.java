package dev.tap.operator.aws.simulated.autoscaling;

import dev.tap.operator.aws.simulated.AwsErrors;
import dev.tap.operator.aws.simulated.SimulatedAws;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.applicationautoscaling.model.LimitExceededException;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.ObjectNotFoundException;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;
import software.amazon.awssdk.services.applicationautoscaling.model.ValidationException;

/**
 * Application Auto Scaling for DynamoDB tables and indexes in one region, per its API Reference:
 * scalable targets are upserted (new ones up to the account's quota) and pull current capacity into
 * [min, max]; target-tracking policies use the dimension's own DynamoDB predefined metric;
 * deregistering a target deletes its policies.
 * {@link #scale} plays the scaler itself, within a target's bounds. {@link SimulatedAutoScaling} maps
 * SDK requests and responses onto it.
 */
public final class AutoScalingState {

  private static final String SERVICE = SimulatedAws.APPLICATION_AUTO_SCALING;
  private static final Pattern RESOURCE_ID = Pattern.compile("^table/([a-zA-Z0-9_.-]{3,255})(/index/([a-zA-Z0-9_.-]{3,255}))?$");
  /** TargetValue: "Minimum value of 8.515920e-109. Maximum value of 1.174271e+108." */
  private static final double MIN_TARGET = 8.515920e-109;
  private static final double MAX_TARGET = 1.174271e+108;
  /** Scalable targets per resource type (DynamoDB: 5,000) per account and region: the Service Quotas default. */
  public static final int MAX_SCALABLE_TARGETS = 5_000;

  private final String region;
  private final SimulatedAws aws;
  private final Listing<ScalableTarget> targets = new Listing<>();
  private final Listing<ScalableTarget>.Index targetsByResource = targets.indexBy(ScalableTarget::resourceId);
  private final Listing<ScalingPolicy> policies = new Listing<>();
  private final Listing<ScalingPolicy>.Index policiesByResource = policies.indexBy(ScalingPolicy::resourceId);
  private final Listing<ScalingPolicy>.Index policiesByName = policies.indexBy(ScalingPolicy::policyName);

  AutoScalingState(String region, SimulatedAws aws) {
    this.region = region;
    this.aws = aws;
  }

  /** The region's DynamoDB, whose capacity the scaler sets. */
  private ScalableCapacity dynamo() {
    return aws.scalableCapacity(region);
  }

  // ---- RegisterScalableTarget: an upsert (only a new target meets the quota); capacity into [min, max]. --

  synchronized ScalableTarget register(ServiceNamespace namespace, String resourceId, ScalableDimension dimension,
      Integer minCapacity, Integer maxCapacity, String roleArn) {
    checkNamespace(namespace);
    Matcher id = resourceId(resourceId);
    boolean read = dimension(dimension, id);
    long[] capacity = dynamo().capacity(id.group(1), id.group(3)).orElseThrow(() ->
        validation("Unable to find the DynamoDB resource " + resourceId));
    String key = key(resourceId, dimension);
    ScalableTarget existing = targets.get(key);
    Integer min = minCapacity != null ? minCapacity : existing == null ? null : existing.minCapacity();
    Integer max = maxCapacity != null ? maxCapacity : existing == null ? null : existing.maxCapacity();
    if (min == null || max == null) {
      throw validation("MinCapacity and MaxCapacity are required when registering a new scalable target");
    }
    if (min > max) {
      throw validation("Minimum capacity cannot be larger than the maximum capacity");
    }
    if (existing == null && targets.size() >= MAX_SCALABLE_TARGETS) {
      throw AwsErrors.<LimitExceededException>build(LimitExceededException.builder(), SERVICE, "LimitExceededException",
          400, "A per-account resource limit is exceeded: at most " + MAX_SCALABLE_TARGETS + " scalable targets of"
              + " service namespace dynamodb per account and region");
    }
    ScalableTarget target = ScalableTarget.builder().serviceNamespace(ServiceNamespace.DYNAMODB)
        .resourceId(resourceId).scalableDimension(dimension).minCapacity(min).maxCapacity(max).roleARN(roleArn)
        .scalableTargetARN("arn:aws:application-autoscaling:" + region + ":" + SimulatedAws.ACCOUNT_ID
            + ":scalable-target/" + Integer.toHexString(key.hashCode()))
        .creationTime(existing == null ? aws.clock().instant() : existing.creationTime()).build();
    targets.put(key, target);
    long current = read ? capacity[0] : capacity[1];
    long clamped = Math.max(min, Math.min(max, current));
    dynamo().setCapacity(id.group(1), id.group(3), read, clamped);
    return target;
  }

  // ---- DescribeScalableTargets: filtered by ResourceIds and ScalableDimension. ------------------

  synchronized List<ScalableTarget> targets(ServiceNamespace namespace, List<String> resourceIds,
      ScalableDimension dimension) {
    checkNamespace(namespace);
    List<ScalableTarget> ofResources = resourceIds.isEmpty() ? targets.values() : targetsByResource.withAny(resourceIds);
    return ofResources.stream()
        .filter(t -> dimension == null || dimension == t.scalableDimension())
        .toList();
  }

  // ---- DeregisterScalableTarget: also deletes the target's policies. ----------------------------

  synchronized void deregister(ServiceNamespace namespace, String resourceId, ScalableDimension dimension) {
    checkNamespace(namespace);
    String key = key(resourceId, dimension);
    if (targets.remove(key) == null) {
      throw noTarget(resourceId, String.valueOf(dimension));
    }
    policiesByResource.withAny(List.of(resourceId)).stream()
        .filter(p -> key(p.resourceId(), p.scalableDimension()).equals(key))
        .forEach(p -> policies.remove(policyKey(p.policyName(), p.resourceId(), p.scalableDimension())));
  }

  // ---- PutScalingPolicy: target tracking on the dimension's own predefined metric. --------------

  synchronized ScalingPolicy putPolicy(ServiceNamespace namespace, String resourceId, ScalableDimension dimension,
      String policyName, PolicyType policyType, TargetTrackingScalingPolicyConfiguration config) {
    checkNamespace(namespace);
    Matcher id = resourceId(resourceId);
    boolean read = dimension(dimension, id);
    if (targets.get(key(resourceId, dimension)) == null) {
      throw noTarget(resourceId, String.valueOf(dimension));
    }
    if (policyType != PolicyType.TARGET_TRACKING_SCALING) {
      throw validation("this simulation models TargetTrackingScaling policies only");
    }
    if (config == null || config.targetValue() == null || config.predefinedMetricSpecification() == null) {
      throw validation("TargetTrackingScalingPolicyConfiguration needs a TargetValue and a PredefinedMetricSpecification");
    }
    MetricType expected = read ? MetricType.DYNAMO_DB_READ_CAPACITY_UTILIZATION : MetricType.DYNAMO_DB_WRITE_CAPACITY_UTILIZATION;
    if (config.predefinedMetricSpecification().predefinedMetricType() != expected) {
      throw validation("PredefinedMetricType " + config.predefinedMetricSpecification().predefinedMetricTypeAsString()
          + " does not match scalable dimension " + dimension);
    }
    if (config.targetValue() < MIN_TARGET || config.targetValue() > MAX_TARGET) {
      throw validation("TargetValue must be between " + MIN_TARGET + " and " + MAX_TARGET);
    }
    String arn = "arn:aws:autoscaling:" + region + ":" + SimulatedAws.ACCOUNT_ID + ":scalingPolicy:"
        + Integer.toHexString(resourceId.hashCode()) + ":resource/dynamodb/" + resourceId + ":policyName/" + policyName;
    ScalingPolicy policy = ScalingPolicy.builder().policyName(policyName).policyARN(arn)
        .serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(resourceId).scalableDimension(dimension)
        .policyType(PolicyType.TARGET_TRACKING_SCALING).targetTrackingScalingPolicyConfiguration(config)
        .creationTime(aws.clock().instant()).build();
    policies.put(policyKey(policyName, resourceId, dimension), policy);
    return policy;
  }

  // ---- DescribeScalingPolicies: filtered by ResourceId (one), ScalableDimension and PolicyNames. -

  synchronized List<ScalingPolicy> policies(ServiceNamespace namespace, String resourceId, ScalableDimension dimension,
      List<String> policyNames) {
    checkNamespace(namespace);
    if (dimension != null && resourceId == null) {
      throw validation("If you specify a scalable dimension, you must also specify a resource ID");
    }
    // The fewest candidates the filters allow, in the listing's order; the filters then pick from them.
    List<ScalingPolicy> candidates = resourceId != null ? policiesByResource.withAny(List.of(resourceId))
        : !policyNames.isEmpty() ? policiesByName.withAny(policyNames) : policies.values();
    return candidates.stream()
        .filter(p -> resourceId == null || resourceId.equals(p.resourceId()))
        .filter(p -> dimension == null || dimension == p.scalableDimension())
        .filter(p -> policyNames.isEmpty() || policyNames.contains(p.policyName()))
        .toList();
  }

  // ---- DeleteScalingPolicy ---------------------------------------------------------------------

  synchronized void deletePolicy(String policyName, String resourceId, ScalableDimension dimension) {
    if (policies.remove(policyKey(policyName, resourceId, dimension)) == null) {
      throw notFound("No scaling policy found for service namespace: dynamodb, resource ID: " + resourceId
          + ", scalable dimension: " + dimension + ", policy name: " + policyName);
    }
  }

  // ---- the scaler, and read-only views: test controls that count no call -------------------------

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
    dynamo().setCapacity(id.group(1), id.group(3), dimension(dimension, id), capacity);
    return capacity;
  }

  public synchronized List<ScalableTarget> peekTargets() {
    return targets.values();
  }

  public synchronized List<ScalingPolicy> peekPolicies() {
    return policies.values();
  }

  // ---- rules shared by the operations ------------------------------------------------------------

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

  static ValidationException validation(String message) {
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
