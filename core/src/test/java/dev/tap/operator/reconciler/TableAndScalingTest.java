package dev.tap.operator.reconciler;

import static dev.tap.operator.OperatorHarness.PATIENCE;
import static dev.tap.operator.OperatorHarness.REGION;
import static dev.tap.operator.OperatorHarness.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.OperatorTest;
import dev.tap.operator.api.v1alpha1.IndexSpec;
import dev.tap.operator.api.v1alpha1.KeyAttribute;
import dev.tap.operator.api.v1alpha1.KeyType;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.simulated.autoscaling.SimulatedAutoScaling;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.aws.simulated.dynamodb.SimulatedDynamoDb;
import dev.tap.operator.scaling.ScalingDesiredBuilder;
import dev.tap.operator.status.Conditions;
import dev.tap.operator.table.TableDesiredBuilder;
import dev.tap.operator.table.TableRequests;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

@OperatorTest(operator = OperatorTest.Started.BY_THE_TEST)
class TableAndScalingTest {

  static KubernetesClient client;

  private OperatorHarness operator;

  @AfterEach
  void stop() {
    if (operator != null) {
      operator.close();
    }
  }

  private OperatorHarness start() {
    operator = OperatorHarness.start(client);
    return operator;
  }

  private SimulatedDynamoDb dynamo() {
    return operator.aws.dynamoDb(REGION);
  }

  private SimulatedAutoScaling scaling() {
    return operator.aws.autoScaling(REGION);
  }

  private TableDescription table(String name) {
    return dynamo().peek(name).orElseThrow();
  }

  @Test
  void from_nothing_to_ready_with_indexes_scaling_backups_protection_tags_status_and_events() {
    start().create(sample("prod.yaml", "fresh", api -> api));

    ServerlessApi api = operator.awaitCondition("fresh", Conditions.READY, Conditions.TRUE);

    TableDescription table = table("fresh-items-prod");
    assertThat(table.tableStatusAsString()).isEqualTo("ACTIVE");
    assertThat(table.globalSecondaryIndexes()).singleElement()
        .satisfies(i -> assertThat(i.indexName()).isEqualTo("createdAt-index"));
    assertThat(table.deletionProtectionEnabled()).isTrue();
    assertThat(dynamo().peekPointInTimeRecovery("fresh-items-prod")).isTrue();
    assertThat(dynamo().peekTags("fresh-items-prod"))
        .containsEntry("tap.dev/owner", "default/fresh").containsEntry("tap.dev/managed-by", "tap-operator");
    assertThat(scaling().peekTargets()).hasSize(4).allSatisfy(t -> {
      assertThat(t.minCapacity()).isEqualTo(5);
      assertThat(t.maxCapacity()).isEqualTo(100);
    });
    assertThat(scaling().peekPolicies()).hasSize(4)
        .allSatisfy(p -> assertThat(p.targetTrackingScalingPolicyConfiguration().targetValue()).isEqualTo(70.0));

    assertThat(api.getStatus().getTable().getStatus()).isEqualTo("ACTIVE");
    assertThat(api.getStatus().getTable().getArn()).isEqualTo(table.tableArn());
    assertThat(api.getStatus().getTable().getIndexes()).singleElement()
        .satisfies(i -> assertThat(i.getStatus()).isEqualTo("ACTIVE"));
    assertThat(api.getStatus().getScaling().getTargets()).hasSize(4)
        .allSatisfy(t -> assertThat(t.getTargetUtilizationPercent()).isEqualTo(70.0));
    assertThat(api.getStatus().getAckResourceMetadata().getOwnerAccountID()).isEqualTo(SimulatedAws.ACCOUNT_ID);
    assertThat(api.getStatus().getAckResourceMetadata().getRegion()).isEqualTo(REGION);
    assertThat(operator.aws.calls().count("dynamodb", "CreateTable")).isEqualTo(1);
    assertThat(eventReasons("fresh")).contains("CreatedTable", "UpdatedBackups", "RegisteredScalableTarget",
        "PutScalingPolicy");
  }

  @Test
  void a_converged_resource_reconciles_with_twelve_reads_and_no_writes() {
    operator = OperatorHarness.start(client, OperatorHarness.RARE_RESYNC);
    operator.create(sample("prod.yaml", "steady", api -> api));
    operator.awaitCondition("steady", Conditions.READY, Conditions.TRUE);
    operator.aws.calls().reset();

    operator.reconcileOnceMore("steady");

    // The deployment the stage serves never changes, and the account's logs role was found a resync ago:
    // neither is read again.
    assertThat(operator.aws.calls().snapshot()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("dynamodb:DescribeTable", 1L),
        Map.entry("dynamodb:ListTagsOfResource", 1L),
        Map.entry("dynamodb:DescribeContinuousBackups", 1L),
        Map.entry("application-autoscaling:DescribeScalableTargets", 1L),
        Map.entry("application-autoscaling:DescribeScalingPolicies", 1L),
        Map.entry("lambda:GetFunction", 1L),
        Map.entry("lambda:ListVersionsByFunction", 1L),
        Map.entry("lambda:GetAlias", 1L),
        Map.entry("monitoring:DescribeAlarms", 1L),
        Map.entry("lambda:GetPolicy", 1L),
        Map.entry("apigateway:GetRestApi", 1L),
        Map.entry("apigateway:GetStage", 1L)));
    assertThat(operator.aws.calls().writes()).isZero();
  }

  @Test
  void scaling_reads_stay_at_one_page_each_however_many_other_tables_the_account_or_this_operator_autoscales() {
    operator = OperatorHarness.start(client, OperatorHarness.RARE_RESYNC);
    // Half of them look like other ServerlessApis' tables (this operator's policy names), half like another team's.
    for (int i = 0; i < 30; i++) {
      String table = "other-team-" + i;
      boolean likeOurs = i % 2 == 1;
      dynamo().createTable(r -> r.tableName(table).keySchema(k -> k.attributeName("pk").keyType("HASH"))
          .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
          .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L)));
      for (ScalableDimension dimension : List.of(ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS,
          ScalableDimension.DYNAMODB_TABLE_WRITE_CAPACITY_UNITS)) {
        scaling().registerScalableTarget(r -> r.serviceNamespace("dynamodb").resourceId("table/" + table)
            .scalableDimension(dimension).minCapacity(5).maxCapacity(50));
        scaling().putScalingPolicy(r -> r.serviceNamespace("dynamodb").resourceId("table/" + table)
            .scalableDimension(dimension).policyName(!likeOurs ? "other-team-policy"
                : ScalingDesiredBuilder.policyName("table/" + table, dimension == ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS))
            .policyType("TargetTrackingScaling")
            .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(50.0).predefinedMetricSpecification(m ->
                m.predefinedMetricType(dimension == ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS
                    ? "DynamoDBReadCapacityUtilization" : "DynamoDBWriteCapacityUtilization"))));
      }
    }
    operator.create(sample("prod.yaml", "crowded", api -> api));
    operator.awaitCondition("crowded", Conditions.READY, Conditions.TRUE);
    operator.aws.calls().reset();

    operator.reconcileOnceMore("crowded");

    assertThat(operator.aws.calls().count("application-autoscaling", "DescribeScalableTargets")).isEqualTo(1);
    assertThat(operator.aws.calls().count("application-autoscaling", "DescribeScalingPolicies")).isEqualTo(1);
    assertThat(operator.aws.calls().writes()).isZero();
    assertThat(operator.get("crowded").getStatus().getScaling().getTargets()).hasSize(4)
        .allSatisfy(t -> assertThat(t.getResourceId()).startsWith("table/crowded-items-prod"));
  }

  @Test
  void a_converged_resource_is_not_patched_again_by_its_resyncs() {
    start().create(sample("dev.yaml", "quiet", api -> api));
    operator.awaitCondition("quiet", Conditions.READY, Conditions.TRUE);
    long describes = operator.aws.calls().count("dynamodb", "DescribeTable");
    await().atMost(PATIENCE).until(() -> operator.has("quiet", Conditions.READY, Conditions.TRUE)
        && operator.aws.calls().count("dynamodb", "DescribeTable") > describes);
    String resourceVersion = operator.get("quiet").getMetadata().getResourceVersion();

    long seen = operator.aws.calls().count("dynamodb", "DescribeTable");
    await().atMost(PATIENCE).until(() -> operator.aws.calls().count("dynamodb", "DescribeTable") >= seen + 3);

    assertThat(operator.get("quiet").getMetadata().getResourceVersion()).isEqualTo(resourceVersion);
  }

  @Test
  void a_half_finished_creation_converges_without_a_second_table() {
    start();
    ServerlessApi api = sample("prod.yaml", "half", a -> a);
    // The operator was killed right after CreateTable: the table exists, bare, without its index.
    var desired = TableDesiredBuilder.build(api);
    var bare = new dev.tap.operator.table.DesiredTable(desired.name(), desired.partitionKey(), desired.capacity(),
        List.of(), null, null, desired.tags());
    dynamo().createTable(TableRequests.createTable(bare));
    operator.aws.calls().reset();

    operator.create(api);
    operator.awaitCondition("half", Conditions.READY, Conditions.TRUE);

    assertThat(operator.aws.calls().count("dynamodb", "CreateTable")).isZero();
    assertThat(dynamo().peekTableNames()).containsExactly("half-items-prod");
    assertThat(table("half-items-prod").globalSecondaryIndexes()).hasSize(1);
    assertThat(table("half-items-prod").deletionProtectionEnabled()).isTrue();
    assertThat(dynamo().peekPointInTimeRecovery("half-items-prod")).isTrue();
    assertThat(scaling().peekTargets()).hasSize(4);
  }

  @Test
  void an_index_is_added_then_removed_one_change_at_a_time() {
    start().create(sample("dev.yaml", "indexes", api -> api));
    operator.awaitCondition("indexes", Conditions.READY, Conditions.TRUE);

    operator.edit("indexes", api -> {
      IndexSpec byName = new IndexSpec();
      byName.setIndexName("name-index");
      KeyAttribute key = new KeyAttribute();
      key.setName("name");
      key.setType(KeyType.S);
      byName.setPartitionKey(key);
      byName.setReadCapacity(1L);
      byName.setWriteCapacity(1L);
      List<IndexSpec> indexes = new ArrayList<>(api.getSpec().getTable().getGlobalSecondaryIndexes());
      indexes.add(byName);
      api.getSpec().getTable().setGlobalSecondaryIndexes(indexes);
      return api;
    });
    ServerlessApi withTwo = operator.awaitCondition("indexes", Conditions.READY, Conditions.TRUE);

    assertThat(table("indexes-items-dev").globalSecondaryIndexes()).extracting(i -> i.indexName())
        .containsExactlyInAnyOrder("createdAt-index", "name-index");
    assertThat(withTwo.getStatus().getTable().getIndexes()).hasSize(2);

    operator.edit("indexes", api -> {
      api.getSpec().getTable().setGlobalSecondaryIndexes(List.of(api.getSpec().getTable().getGlobalSecondaryIndexes().get(1)));
      return api;
    });
    operator.awaitCondition("indexes", Conditions.READY, Conditions.TRUE);

    assertThat(table("indexes-items-dev").globalSecondaryIndexes()).extracting(i -> i.indexName())
        .containsExactly("name-index");
    assertThat(eventReasons("indexes")).contains("AddedIndex", "RemovedIndex");
  }

  @Test
  void capacity_changes_are_written_where_not_autoscaled_and_become_bounds_where_autoscaled() {
    start().create(sample("staging.yaml", "capacity", api -> api));
    operator.awaitCondition("capacity", Conditions.READY, Conditions.TRUE);
    operator.aws.calls().reset();

    // staging: the table is autoscaled, its index is not.
    operator.edit("capacity", api -> {
      api.getSpec().getTable().getAutoScaling().getRead().setMinCapacity(10L);
      api.getSpec().getTable().setReadCapacity(10L);
      api.getSpec().getTable().getGlobalSecondaryIndexes().get(0).setReadCapacity(7L);
      return api;
    });
    operator.awaitCondition("capacity", Conditions.READY, Conditions.TRUE);

    TableDescription table = table("capacity-items-staging");
    assertThat(table.globalSecondaryIndexes().get(0).provisionedThroughput().readCapacityUnits()).isEqualTo(7);
    assertThat(scaling().peekTargets()).filteredOn(t -> t.scalableDimension() == ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS)
        .singleElement().satisfies(t -> assertThat(t.minCapacity()).isEqualTo(10));
    // The table's read capacity reached 10 because Application Auto Scaling pulled it into its new bounds.
    assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(10);
    assertThat(operator.aws.calls().count("dynamodb", "UpdateTable")).isEqualTo(1);
  }

  @Test
  void removing_autoscaling_deregisters_its_targets_and_hands_capacity_back_to_the_spec() {
    start().create(sample("staging.yaml", "unscaled", api -> api));
    operator.awaitCondition("unscaled", Conditions.READY, Conditions.TRUE);
    scaling().scale("table/unscaled-items-staging", ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS, 15);

    operator.edit("unscaled", api -> {
      api.getSpec().getTable().setAutoScaling(null);
      return api;
    });
    operator.awaitCondition("unscaled", Conditions.READY, Conditions.TRUE);

    assertThat(scaling().peekTargets()).isEmpty();
    assertThat(scaling().peekPolicies()).isEmpty();
    await().atMost(PATIENCE).until(() -> table("unscaled-items-staging").provisionedThroughput().readCapacityUnits() == 5);
    assertThat(eventReasons("unscaled")).contains("DeregisteredScalableTarget", "UpdatedTable");
  }

  @Test
  void autoscaled_capacity_is_never_written_back() {
    start().create(sample("prod.yaml", "scaled", api -> api));
    operator.awaitCondition("scaled", Conditions.READY, Conditions.TRUE);
    operator.aws.calls().reset();

    long capacity = scaling().scale("table/scaled-items-prod", ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS, 40);

    assertThat(capacity).isEqualTo(40);
    await().atMost(PATIENCE).until(() -> {
      ServerlessApi api = operator.get("scaled");
      return api.getStatus().getTable().getReadCapacity() == 40 && operator.has("scaled", Conditions.READY, Conditions.TRUE);
    });
    long reconcilesSeen = operator.aws.calls().count("dynamodb", "DescribeTable");
    await().atMost(PATIENCE).until(() -> operator.aws.calls().count("dynamodb", "DescribeTable") >= reconcilesSeen + 3);

    assertThat(operator.aws.calls().count("dynamodb", "UpdateTable")).isZero();
    assertThat(table("scaled-items-prod").provisionedThroughput().readCapacityUnits()).isEqualTo(40);
  }

  @Test
  void manual_capacity_drift_without_autoscaling_is_corrected() {
    start().create(sample("dev.yaml", "drift", api -> api));
    operator.awaitCondition("drift", Conditions.READY, Conditions.TRUE);

    dynamo().updateTable(r -> r.tableName("drift-items-dev").provisionedThroughput(t -> t.readCapacityUnits(9L).writeCapacityUnits(9L)));

    await().atMost(PATIENCE).until(() -> {
      var throughput = table("drift-items-dev").provisionedThroughput();
      return throughput.readCapacityUnits() == 1 && throughput.writeCapacityUnits() == 1
          && "ACTIVE".equals(table("drift-items-dev").tableStatusAsString());
    });
    assertThat(eventReasons("drift")).contains("UpdatedTable");
  }

  @Test
  void a_decrease_over_dynamodbs_daily_quota_is_recoverable_until_the_time_it_names_and_made_then() {
    start().create(sample("dev.yaml", "shrink", api -> {
      api.getSpec().getTable().setReadCapacity(8L);
      return api;
    }));
    operator.awaitCondition("shrink", Conditions.READY, Conditions.TRUE);
    // Someone raises the capacity by hand five times; the operator puts it back with a decrease each time.
    for (int raise = 1; raise <= 5; raise++) {
      await().atMost(PATIENCE).until(() -> "ACTIVE".equals(table("shrink-items-dev").tableStatusAsString())
          && table("shrink-items-dev").provisionedThroughput().readCapacityUnits() == 8);
      dynamo().updateTable(r -> r.tableName("shrink-items-dev").provisionedThroughput(t -> t.readCapacityUnits(20L)
          .writeCapacityUnits(1L)));
      if (raise < 5) {
        await().atMost(PATIENCE).until(() -> table("shrink-items-dev").provisionedThroughput().readCapacityUnits() == 8);
      }
    }
    ServerlessApi waiting = operator.awaitCondition("shrink", Conditions.RECOVERABLE, Conditions.TRUE);

    assertThat(OperatorHarness.condition(waiting, Conditions.RECOVERABLE).orElseThrow().getMessage())
        .contains("capacity decrease of shrink-items-dev waits for DynamoDB's quota", "the next is possible at");
    assertThat(table("shrink-items-dev").provisionedThroughput().numberOfDecreasesToday()).isEqualTo(4);
    long updates = operator.aws.calls().count("dynamodb", "UpdateTable");
    operator.reconcileOnceMore("shrink");
    assertThat(operator.aws.calls().count("dynamodb", "UpdateTable")).as("never sent to be refused").isEqualTo(updates);
    assertThat(table("shrink-items-dev").provisionedThroughput().readCapacityUnits()).isEqualTo(20);

    operator.clock.jump(Duration.ofHours(1));
    operator.awaitCondition("shrink", Conditions.READY, Conditions.TRUE);
    assertThat(table("shrink-items-dev").provisionedThroughput().readCapacityUnits()).isEqualTo(8);
  }

  @Test
  void a_throttling_storm_is_recoverable_then_ready() {
    start();
    operator.aws.faults().throttle("dynamodb", 4);

    operator.create(sample("dev.yaml", "storm", api -> api));

    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).until(() ->
        operator.has("storm", Conditions.RECOVERABLE, Conditions.TRUE));
    assertThat(OperatorHarness.condition(operator.get("storm"), Conditions.RECOVERABLE).orElseThrow().getMessage())
        .contains("table: ThrottlingException").contains("retrying in about");
    ServerlessApi ready = operator.awaitCondition("storm", Conditions.READY, Conditions.TRUE);
    assertThat(OperatorHarness.condition(ready, Conditions.RECOVERABLE)).isEmpty();
    assertThat(operator.aws.calls().count("dynamodb", "CreateTable")).isEqualTo(1);
  }

  @Test
  void an_unowned_table_of_the_same_name_is_terminal_and_untouched() {
    start();
    ServerlessApi api = sample("dev.yaml", "taken", a -> a);
    var desired = TableDesiredBuilder.build(api);
    var foreign = new dev.tap.operator.table.DesiredTable(desired.name(), desired.partitionKey(),
        new dev.tap.operator.table.Capacity(3, 3, false, false), List.of(), null, null, Map.of("team", "other"));
    dynamo().createTable(TableRequests.createTable(foreign));
    await().atMost(PATIENCE).until(() -> "ACTIVE".equals(table(desired.name()).tableStatusAsString()));
    operator.aws.calls().reset();

    operator.create(api);
    ServerlessApi terminal = operator.awaitCondition("taken", Conditions.TERMINAL, Conditions.TRUE);

    assertThat(OperatorHarness.condition(terminal, Conditions.TERMINAL).orElseThrow().getReason()).isEqualTo("NotOwned");
    assertThat(OperatorHarness.condition(terminal, Conditions.READY).orElseThrow().getStatus()).isEqualTo("False");
    assertThat(operator.aws.calls().writes()).isZero();
    assertThat(table(desired.name()).provisionedThroughput().readCapacityUnits()).isEqualTo(3);
    assertThat(dynamo().peekTags(desired.name())).isEqualTo(Map.of("team", "other"));

    // Terminal means no retries, yet AWS is looked at again: once the table is handed over, it converges.
    ServerlessApi handedOver = operator.get("taken");
    dynamo().tagResource(r -> r.resourceArn(table(desired.name()).tableArn())
        .tags(software.amazon.awssdk.services.dynamodb.model.Tag.builder().key("tap.dev/owner").value("default/taken").build()));
    await().atMost(PATIENCE).until(() -> operator.has("taken", Conditions.READY, Conditions.TRUE));
    assertThat(operator.get("taken").getMetadata().getGeneration()).isEqualTo(handedOver.getMetadata().getGeneration());
    assertThat(table(desired.name()).provisionedThroughput().readCapacityUnits()).isEqualTo(1);
    dynamo().untagResource(r -> r.resourceArn(table(desired.name()).tableArn()).tagKeys("tap.dev/owner"));
    await().atMost(PATIENCE).until(() -> operator.has("taken", Conditions.TERMINAL, Conditions.TRUE));

    // Deleting the resource (dev: deletion policy Delete) leaves the other team's table and scaling alone
    // (and deletes the function, alarms and REST API, which are this resource's own).
    scaling().registerScalableTarget(r -> r.serviceNamespace("dynamodb").resourceId("table/" + desired.name())
        .scalableDimension(ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS).minCapacity(1).maxCapacity(10));
    operator.aws.calls().reset();
    client.resources(ServerlessApi.class).inNamespace("default").withName("taken").delete();
    await().atMost(PATIENCE).until(() -> operator.get("taken") == null);
    assertThat(dynamo().peek(desired.name())).isPresent();
    assertThat(scaling().peekTargets()).hasSize(1);
    assertThat(operator.aws.calls().snapshot()).allSatisfy((call, count) -> assertThat(call)
        .matches(c -> c.equals("lambda:DeleteFunction") || c.equals("monitoring:DeleteAlarms")
            || c.equals("apigateway:DeleteRestApi") || c.matches(".*:(Describe|List|Get).*"),
            "reads only, and the deletion of our own function, alarms and REST API"));
  }

  @Test
  void an_unowned_table_is_adopted_when_the_adoption_policy_says_so() {
    start();
    ServerlessApi api = sample("dev.yaml", "adopter", a -> {
      // adopt-or-create: the table exists and is adopted; the function does not, and is created.
      a.getMetadata().setAnnotations(Map.of("services.k8s.aws/adoption-policy", "adopt-or-create"));
      return a;
    });
    var desired = TableDesiredBuilder.build(api);
    dynamo().createTable(TableRequests.createTable(new dev.tap.operator.table.DesiredTable(desired.name(),
        desired.partitionKey(), desired.capacity(), desired.indexes(), null, null, Map.of())));

    operator.create(api);
    ServerlessApi ready = operator.awaitCondition("adopter", Conditions.READY, Conditions.TRUE);

    assertThat(OperatorHarness.condition(ready, Conditions.ADOPTED).orElseThrow().getStatus()).isEqualTo("True");
    assertThat(dynamo().peekTags(desired.name())).containsEntry("tap.dev/owner", "default/adopter");
    assertThat(operator.aws.calls().count("dynamodb", "CreateTable")).isEqualTo(1);
  }

  @Test
  void deleting_with_policy_delete_removes_table_and_scaling_and_retain_leaves_them() {
    start().create(sample("staging.yaml", "gone", api -> api));
    operator.create(sample("staging.yaml", "kept", api -> {
      api.getSpec().setDeletionPolicy(dev.tap.operator.api.v1alpha1.DeletionPolicy.Retain);
      return api;
    }));
    operator.awaitCondition("gone", Conditions.READY, Conditions.TRUE);
    operator.awaitCondition("kept", Conditions.READY, Conditions.TRUE);

    client.resources(ServerlessApi.class).inNamespace("default").withName("gone").delete();
    client.resources(ServerlessApi.class).inNamespace("default").withName("kept").delete();

    await().atMost(PATIENCE).until(() -> operator.get("gone") == null && operator.get("kept") == null);
    await().atMost(PATIENCE).until(() -> dynamo().peek("gone-items-staging").isEmpty());
    assertThat(dynamo().peek("kept-items-staging")).isPresent();
    assertThat(scaling().peekTargets()).extracting(ScalableTarget::resourceId)
        .allMatch(id -> id.startsWith("table/kept-items-staging")).isNotEmpty();
  }

  private List<String> eventReasons(String name) {
    return client.v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName())).map(Event::getReason).toList();
  }
}
