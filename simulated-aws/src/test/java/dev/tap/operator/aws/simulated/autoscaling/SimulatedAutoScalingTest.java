package dev.tap.operator.aws.simulated.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.aws.simulated.dynamodb.SimulatedDynamoDb;
import dev.tap.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.model.LimitExceededException;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.ObjectNotFoundException;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.applicationautoscaling.model.ValidationException;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The simulated Application Auto Scaling for DynamoDB, rule by rule. */
class SimulatedAutoScalingTest {

  private static final Duration DELAY = Duration.ofSeconds(5);
  private static final String TABLE = "table/items";
  private static final ScalableDimension READ = ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS;

  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private SimulatedAws aws;
  private SimulatedDynamoDb dynamo;
  private SimulatedAutoScaling scaling;

  @BeforeEach
  void tableWithCapacityThree() {
    aws = new SimulatedAws(clock, DELAY);
    dynamo = aws.dynamoDb("us-east-1");
    scaling = aws.autoScaling("us-east-1");
    createTable("items");
    clock.advance(DELAY);
  }

  private void createTable(String name) {
    dynamo.createTable(r -> r.tableName(name)
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .provisionedThroughput(t -> t.readCapacityUnits(3L).writeCapacityUnits(3L)));
  }

  private long readCapacity() {
    return dynamo.peek("items").orElseThrow().provisionedThroughput().readCapacityUnits();
  }

  private void register(Integer min, Integer max) {
    scaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(TABLE)
        .scalableDimension(READ).minCapacity(min).maxCapacity(max));
  }

  @Test
  void register_is_an_upsert_that_pulls_capacity_into_the_bounds() {
    register(5, 100);
    assertThat(readCapacity()).isEqualTo(5);

    register(1, 4);
    assertThat(readCapacity()).isEqualTo(4);
    assertThat(scaling.peekTargets()).singleElement().satisfies(t -> {
      assertThat(t.minCapacity()).isEqualTo(1);
      assertThat(t.maxCapacity()).isEqualTo(4);
    });
  }

  @Test
  void bounds_must_be_ordered_and_given_for_a_new_target_on_an_existing_table() {
    assertThatThrownBy(() -> register(10, 5)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> register(null, 5)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> scaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
        .resourceId("table/missing").scalableDimension(READ).minCapacity(1).maxCapacity(5)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> scaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
        .resourceId(TABLE).scalableDimension(ScalableDimension.DYNAMODB_INDEX_READ_CAPACITY_UNITS).minCapacity(1).maxCapacity(5)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void target_tracking_needs_a_registered_target_the_matching_metric_and_a_positive_target() {
    assertThatThrownBy(() -> putPolicy(MetricType.DYNAMO_DB_READ_CAPACITY_UTILIZATION, 70))
        .isInstanceOf(ObjectNotFoundException.class);
    register(5, 100);

    assertThatThrownBy(() -> putPolicy(MetricType.DYNAMO_DB_WRITE_CAPACITY_UTILIZATION, 70))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> putPolicy(MetricType.DYNAMO_DB_READ_CAPACITY_UTILIZATION, 0))
        .isInstanceOf(ValidationException.class);
    // 20-90 % is this project's rule (the CRD's), not AWS's: the API takes any positive target.
    putPolicy(MetricType.DYNAMO_DB_READ_CAPACITY_UTILIZATION, 95);
    putPolicy(MetricType.DYNAMO_DB_READ_CAPACITY_UTILIZATION, 70);
    putPolicy(MetricType.DYNAMO_DB_READ_CAPACITY_UTILIZATION, 50);
    assertThat(scaling.peekPolicies()).singleElement()
        .satisfies(p -> assertThat(p.targetTrackingScalingPolicyConfiguration().targetValue()).isEqualTo(50.0));
  }

  @Test
  void deregistering_a_target_deletes_its_policies() {
    register(5, 100);
    putPolicy(MetricType.DYNAMO_DB_READ_CAPACITY_UTILIZATION, 70);

    scaling.deregisterScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(TABLE).scalableDimension(READ));

    assertThat(scaling.peekTargets()).isEmpty();
    assertThat(scaling.peekPolicies()).isEmpty();
    assertThatThrownBy(() -> scaling.deregisterScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
        .resourceId(TABLE).scalableDimension(READ))).isInstanceOf(ObjectNotFoundException.class);
  }

  @Test
  void the_scaler_moves_capacity_within_the_bounds_only() {
    register(5, 100);

    assertThat(scaling.scale(TABLE, READ, 40)).isEqualTo(40);
    assertThat(readCapacity()).isEqualTo(40);
    assertThat(scaling.scale(TABLE, READ, 1000)).isEqualTo(100);
    assertThat(readCapacity()).isEqualTo(100);
  }

  private void putPolicy(MetricType metric, double target) {
    scaling.putScalingPolicy(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(TABLE).scalableDimension(READ)
        .policyName("read").policyType(PolicyType.TARGET_TRACKING_SCALING)
        .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(target)
            .predefinedMetricSpecification(m -> m.predefinedMetricType(metric))));
  }

  @Test
  void policies_come_ten_to_a_page_and_targets_fifty() {
    register(5, 100);
    for (int i = 0; i < 12; i++) {
      String name = "policy-" + i;
      scaling.putScalingPolicy(r -> r.serviceNamespace("dynamodb").resourceId("table/items")
          .scalableDimension(ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS).policyName(name)
          .policyType("TargetTrackingScaling").targetTrackingScalingPolicyConfiguration(c -> c.targetValue(70.0)
              .predefinedMetricSpecification(m -> m.predefinedMetricType(MetricType.DYNAMO_DB_READ_CAPACITY_UTILIZATION))));
    }

    var first = scaling.describeScalingPolicies(r -> r.serviceNamespace("dynamodb"));
    assertThat(first.scalingPolicies()).hasSize(10);
    assertThat(scaling.describeScalingPolicies(r -> r.serviceNamespace("dynamodb").nextToken(first.nextToken()))
        .scalingPolicies()).hasSize(2);
    assertThatThrownBy(() -> scaling.describeScalingPolicies(r -> r.serviceNamespace("dynamodb").maxResults(11)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> scaling.describeScalableTargets(r -> r.serviceNamespace("dynamodb").maxResults(51)))
        .isInstanceOf(ValidationException.class);
    assertThat(scaling.describeScalingPolicies(r -> r.serviceNamespace("dynamodb").policyNames("policy-3", "nothing"))
        .scalingPolicies()).singleElement().satisfies(p -> assertThat(p.policyName()).isEqualTo("policy-3"));
  }

  @Test
  void described_by_resource_ids_or_policy_names_they_come_in_the_order_first_put() {
    createTable("second");
    createTable("third");
    clock.advance(DELAY);
    ScalableDimension write = ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS;
    register("table/third", READ);
    register(TABLE, READ);
    register("table/second", READ);
    register("table/third", write);
    register(TABLE, READ);
    putPolicy("table/third", READ, "b");
    putPolicy(TABLE, READ, "a");
    putPolicy("table/third", write, "c");
    putPolicy(TABLE, READ, "a");

    assertThat(scaling.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
        .resourceIds(TABLE, "table/third", TABLE)).scalableTargets())
        .extracting(t -> t.resourceId() + " " + t.scalableDimensionAsString())
        .containsExactly("table/third dynamodb:table:ReadCapacityUnits", "table/items dynamodb:table:ReadCapacityUnits",
            "table/third dynamodb:table:WriteCapacityUnits");
    assertThat(scaling.describeScalingPolicies(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
        .policyNames("c", "a", "b", "nothing")).scalingPolicies()).extracting(p -> p.policyName())
        .containsExactly("b", "a", "c");
    assertThat(scaling.describeScalingPolicies(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
        .resourceId("table/third")).scalingPolicies()).extracting(p -> p.policyName()).containsExactly("b", "c");

    scaling.deregisterScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId("table/third")
        .scalableDimension(READ));
    register("table/third", READ);
    assertThat(scaling.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
        .resourceIds("table/third")).scalableTargets()).extracting(t -> t.scalableDimension())
        .as("registered again: last").containsExactly(write, READ);
    assertThat(scaling.describeScalingPolicies(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
        .policyNames("a", "b", "c")).scalingPolicies()).extracting(p -> p.policyName())
        .as("the deregistered target's policy went with it").containsExactly("a", "c");
  }

  private void register(String resourceId, ScalableDimension dimension) {
    scaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(resourceId)
        .scalableDimension(dimension).minCapacity(1).maxCapacity(10));
  }

  private void putPolicy(String resourceId, ScalableDimension dimension, String name) {
    MetricType metric = dimension == READ ? MetricType.DYNAMO_DB_READ_CAPACITY_UTILIZATION
        : MetricType.DYNAMO_DB_WRITE_CAPACITY_UTILIZATION;
    scaling.putScalingPolicy(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(resourceId)
        .scalableDimension(dimension).policyName(name).policyType(PolicyType.TARGET_TRACKING_SCALING)
        .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(70.0)
            .predefinedMetricSpecification(m -> m.predefinedMetricType(metric))));
  }

  @Test
  void a_new_target_beyond_the_quota_is_refused_and_an_existing_one_is_still_updated() {
    // 2 500 tables with a read and a write target each: the quota's 5 000.
    for (int i = 1; i < 2_500; i++) {
      createTable("table-" + i);
      if (i % 250 == 0) {
        clock.advance(DELAY);
      }
    }
    createTable("one-more");
    clock.advance(DELAY);
    for (int i = 0; i < 2_500; i++) {
      String id = i == 0 ? TABLE : "table/table-" + i;
      for (ScalableDimension dimension : List.of(READ, ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS)) {
        scaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(id)
            .scalableDimension(dimension).minCapacity(1).maxCapacity(10));
      }
    }
    assertThat(aws.scalableTargets()).isEqualTo(Map.of("us-east-1", AutoScalingState.MAX_SCALABLE_TARGETS));

    assertThatThrownBy(() -> scaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)
        .resourceId("table/one-more").scalableDimension(READ).minCapacity(1).maxCapacity(10)))
        .isInstanceOf(LimitExceededException.class).hasMessageContaining("5000 scalable targets");
    register(5, 20);
    assertThat(readCapacity()).as("updating a target is not refused").isEqualTo(5);

    scaling.deregisterScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId(TABLE)
        .scalableDimension(READ));
    scaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB).resourceId("table/one-more")
        .scalableDimension(READ).minCapacity(1).maxCapacity(10));
    assertThat(aws.scalableTargets()).containsEntry("us-east-1", AutoScalingState.MAX_SCALABLE_TARGETS);
  }
}
