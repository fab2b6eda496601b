package dev.tap.operator.aws.simulated.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** The simulated DynamoDB, rule by rule as the DynamoDB API Reference states them. */
class SimulatedDynamoDbTest {

  private static final Duration DELAY = Duration.ofSeconds(5);

  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private SimulatedAws aws;
  private SimulatedDynamoDb dynamo;

  @BeforeEach
  void account() {
    aws = new SimulatedAws(clock, DELAY);
    dynamo = aws.dynamoDb("us-east-1");
  }

  private void createTable(String name) {
    dynamo.createTable(r -> r.tableName(name).billingMode(BillingMode.PROVISIONED)
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L)));
  }

  private TableStatus status(String name) {
    return dynamo.describeTable(r -> r.tableName(name)).table().tableStatus();
  }

  private static GlobalSecondaryIndexUpdate createIndex(String name, String attribute) {
    return GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName(name)
        .keySchema(k -> k.attributeName(attribute).keyType(KeyType.HASH))
        .projection(p -> p.projectionType(ProjectionType.ALL))
        .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))).build();
  }

  private static AttributeDefinition string(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }

  @Test
  void create_table_is_creating_then_active_after_the_delay() {
    createTable("items");

    assertThat(status("items")).isEqualTo(TableStatus.CREATING);
    clock.advance(DELAY);
    assertThat(status("items")).isEqualTo(TableStatus.ACTIVE);
  }

  @Test
  void a_second_create_of_the_same_name_is_resource_in_use() {
    createTable("items");

    assertThatThrownBy(() -> createTable("items")).isInstanceOf(ResourceInUseException.class)
        .hasMessageContaining("Table already exists: items");
  }

  @Test
  void names_shorter_than_three_characters_and_unused_attribute_definitions_are_invalid() {
    assertThatThrownBy(() -> createTable("ab")).isInstanceOf(AwsServiceException.class)
        .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    assertThatThrownBy(() -> dynamo.createTable(r -> r.tableName("items")
        .attributeDefinitions(string("id"), string("unused"))
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))))
        .hasMessageContaining("Some AttributeDefinitions are not used");
  }

  @Test
  void update_table_while_creating_is_resource_in_use() {
    createTable("items");

    assertThatThrownBy(() -> dynamo.updateTable(r -> r.tableName("items")
        .provisionedThroughput(t -> t.readCapacityUnits(6L).writeCapacityUnits(5L))))
        .isInstanceOf(ResourceInUseException.class);
  }

  @Test
  void an_update_that_changes_nothing_is_a_validation_error() {
    createTable("items");
    clock.advance(DELAY);

    assertThatThrownBy(() -> dynamo.updateTable(r -> r.tableName("items")
        .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L))))
        .hasMessageContaining("The provisioned throughput for the table will not change");
    assertThatThrownBy(() -> dynamo.updateTable(r -> r.tableName("items")))
        .hasMessageContaining("changes nothing");
  }

  @Test
  void a_capacity_change_makes_the_table_updating_until_it_settles() {
    createTable("items");
    clock.advance(DELAY);

    dynamo.updateTable(r -> r.tableName("items").provisionedThroughput(t -> t.readCapacityUnits(9L).writeCapacityUnits(5L)));

    assertThat(status("items")).isEqualTo(TableStatus.UPDATING);
    clock.advance(DELAY);
    assertThat(status("items")).isEqualTo(TableStatus.ACTIVE);
    assertThat(dynamo.describeTable(r -> r.tableName("items")).table().provisionedThroughput().readCapacityUnits()).isEqualTo(9);
  }

  @Test
  void one_index_create_or_delete_per_update_table_and_none_while_another_is_creating() {
    createTable("items");
    clock.advance(DELAY);

    assertThatThrownBy(() -> dynamo.updateTable(r -> r.tableName("items").attributeDefinitions(string("a"), string("b"))
        .globalSecondaryIndexUpdates(createIndex("a-index", "a"), createIndex("b-index", "b"))))
        .hasMessageContaining("only one global secondary index");

    dynamo.updateTable(r -> r.tableName("items").attributeDefinitions(string("a"))
        .globalSecondaryIndexUpdates(createIndex("a-index", "a")));
    assertThat(dynamo.describeTable(r -> r.tableName("items")).table().globalSecondaryIndexes().get(0).indexStatusAsString())
        .isEqualTo("CREATING");
    assertThatThrownBy(() -> dynamo.updateTable(r -> r.tableName("items").attributeDefinitions(string("b"))
        .globalSecondaryIndexUpdates(createIndex("b-index", "b"))))
        .isInstanceOf(ResourceInUseException.class);

    clock.advance(DELAY);
    dynamo.updateTable(r -> r.tableName("items").globalSecondaryIndexUpdates(
        GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("a-index")).build()));
    assertThat(dynamo.describeTable(r -> r.tableName("items")).table().globalSecondaryIndexes().get(0).indexStatusAsString())
        .isEqualTo("DELETING");
    clock.advance(DELAY);
    assertThat(dynamo.describeTable(r -> r.tableName("items")).table().globalSecondaryIndexes()).isEmpty();
  }

  @Test
  void an_index_create_cannot_ride_along_with_a_capacity_change() {
    createTable("items");
    clock.advance(DELAY);

    assertThatThrownBy(() -> dynamo.updateTable(r -> r.tableName("items").attributeDefinitions(string("a"))
        .provisionedThroughput(t -> t.readCapacityUnits(9L).writeCapacityUnits(5L))
        .globalSecondaryIndexUpdates(createIndex("a-index", "a"))))
        .hasMessageContaining("cannot be combined");
  }

  @Test
  void deletion_protection_blocks_delete_table() {
    createTable("items");
    clock.advance(DELAY);
    dynamo.updateTable(r -> r.tableName("items").deletionProtectionEnabled(true));

    assertThatThrownBy(() -> dynamo.deleteTable(r -> r.tableName("items")))
        .hasMessageContaining("protected against deletion");

    dynamo.updateTable(r -> r.tableName("items").deletionProtectionEnabled(false));
    dynamo.deleteTable(r -> r.tableName("items"));
    assertThat(status("items")).isEqualTo(TableStatus.DELETING);
    clock.advance(DELAY);
    assertThatThrownBy(() -> status("items")).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void point_in_time_recovery_is_unavailable_until_the_table_is_active() {
    createTable("items");

    assertThatThrownBy(() -> dynamo.updateContinuousBackups(r -> r.tableName("items")
        .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true))))
        .hasMessageContaining("Backups are being enabled");
    clock.advance(DELAY);
    dynamo.updateContinuousBackups(r -> r.tableName("items").pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
    assertThat(dynamo.peekPointInTimeRecovery("items")).isTrue();
  }

  @Test
  void configured_latency_delays_every_call() {
    SimulatedAws slow = new SimulatedAws(clock, DELAY);
    slow.setLatency(Duration.ofMillis(50));
    long started = System.nanoTime();

    slow.dynamoDb("us-east-1").listTables(r -> { });

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
  }

  @Test
  void every_call_is_counted_faults_fire_and_rate_limits_throttle() {
    aws.faults().inject("dynamodb", "DescribeTable", 1, () -> LimitExceededException.builder().message("boom").build());
    createTable("items");

    assertThatThrownBy(() -> status("items")).isInstanceOf(LimitExceededException.class);
    assertThat(status("items")).isEqualTo(TableStatus.CREATING);
    assertThat(aws.calls().count("dynamodb", "DescribeTable")).isEqualTo(2);
    assertThat(aws.calls().count("dynamodb", "CreateTable")).isEqualTo(1);
    assertThat(aws.calls().writes()).isEqualTo(1);

    aws.rateLimits().limit("dynamodb", "DescribeTable", 1, 2);
    status("items");
    status("items");
    assertThatThrownBy(() -> status("items")).isInstanceOf(AwsServiceException.class)
        .satisfies(e -> assertThat(((AwsServiceException) e).isThrottlingException()).isTrue());
    clock.advance(Duration.ofSeconds(1));
    assertThat(status("items")).isEqualTo(TableStatus.CREATING);
  }

  private void setTableCapacity(String name, long read) {
    dynamo.updateTable(r -> r.tableName(name).provisionedThroughput(t -> t.readCapacityUnits(read).writeCapacityUnits(5L)));
    clock.advance(DELAY);
  }

  @Test
  void capacity_decreases_four_a_utc_day_then_one_an_hour_shown_by_describe_table() {
    createTable("items");
    clock.advance(DELAY);
    for (long read = 10; read > 6; read--) {
      setTableCapacity("items", 20);
      setTableCapacity("items", read);
    }
    var throughput = dynamo.describeTable(r -> r.tableName("items")).table().provisionedThroughput();
    assertThat(throughput.numberOfDecreasesToday()).isEqualTo(4);
    assertThat(throughput.lastDecreaseDateTime()).isNotNull();

    setTableCapacity("items", 20);
    assertThatThrownBy(() -> setTableCapacity("items", 6)).isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("Number of decreases today: 4").hasMessageContaining("Next decrease can be made at");
    assertThat(dynamo.describeTable(r -> r.tableName("items")).table().provisionedThroughput().readCapacityUnits())
        .as("refused: nothing changed").isEqualTo(20);

    clock.advance(Duration.ofHours(1));
    setTableCapacity("items", 6);
    assertThatThrownBy(() -> setTableCapacity("items", 5)).as("the fifth opened the next hour's window")
        .isInstanceOf(LimitExceededException.class);
    clock.advance(Duration.ofDays(1));
    setTableCapacity("items", 5);
    assertThat(dynamo.describeTable(r -> r.tableName("items")).table().provisionedThroughput().numberOfDecreasesToday())
        .as("a new UTC day").isEqualTo(1);
  }

  @Test
  void an_index_counts_its_decreases_apart_from_its_table() {
    createTable("items");
    clock.advance(DELAY);
    dynamo.updateTable(r -> r.tableName("items").attributeDefinitions(string("day"))
        .globalSecondaryIndexUpdates(createIndex("by-day", "day")));
    clock.advance(DELAY);
    for (int i = 0; i < 4; i++) {
      setTableCapacity("items", 20);
      setTableCapacity("items", 5);
    }

    setIndexCapacity("by-day", 5);
    setIndexCapacity("by-day", 1);

    assertThat(dynamo.describeTable(r -> r.tableName("items")).table().globalSecondaryIndexes().get(0)
        .provisionedThroughput().numberOfDecreasesToday()).isEqualTo(1);
  }

  private void setIndexCapacity(String index, long capacity) {
    dynamo.updateTable(r -> r.tableName("items").globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
        .update(u -> u.indexName(index).provisionedThroughput(t -> t.readCapacityUnits(capacity).writeCapacityUnits(1L)))
        .build()));
    clock.advance(DELAY);
  }

  @Test
  void at_most_500_tables_change_at_once() {
    for (int i = 0; i < 500; i++) {
      createTable("table-" + i);
    }
    assertThatThrownBy(() -> createTable("one-more")).isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("500");
    clock.advance(DELAY);
    createTable("one-more");
    assertThat(status("one-more")).isEqualTo(TableStatus.CREATING);
  }

  @Test
  void at_most_250_tables_with_indexes_are_creating_at_once() {
    createTableWithIndex("indexed-0");
    clock.advance(Duration.ofSeconds(1));
    for (int i = 1; i < 250; i++) {
      createTableWithIndex("indexed-" + i);
    }

    assertThatThrownBy(() -> createTableWithIndex("one-more")).isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("Subscriber limit exceeded: You have exceeded the maximum number of indexed tables");
    createTable("no-index");
    assertThat(status("no-index")).as("a table without an index counts against the 500 only").isEqualTo(TableStatus.CREATING);

    clock.advance(DELAY.minusSeconds(1));
    assertThat(status("indexed-0")).isEqualTo(TableStatus.ACTIVE);
    assertThat(status("indexed-1")).isEqualTo(TableStatus.CREATING);
    createTableWithIndex("one-more");
    assertThatThrownBy(() -> createTableWithIndex("two-more")).isInstanceOf(LimitExceededException.class);
  }

  @Test
  void among_two_thousand_tables_each_settles_at_its_own_time_whoever_looks_and_the_limits_still_count() {
    // Eight batches of 250 tables with an index, the most that may be creating at once, DELAY apart.
    for (int i = 0; i < 2_000; i++) {
      if (i > 0 && i % 250 == 0) {
        clock.advance(DELAY);
      }
      createTableWithIndex("table-" + i);
    }
    assertThat(dynamo.listTables(r -> { }).tableNames()).hasSize(2_000);
    assertThat(status("table-0")).isEqualTo(TableStatus.ACTIVE);
    assertThat(status("table-1999")).isEqualTo(TableStatus.CREATING);

    dynamo.updateTable(r -> r.tableName("table-1000").provisionedThroughput(t -> t.readCapacityUnits(9L).writeCapacityUnits(5L)));
    dynamo.deleteTable(r -> r.tableName("table-1001"));
    clock.advance(DELAY.minusSeconds(1));
    assertThat(status("table-1999")).isEqualTo(TableStatus.CREATING);
    assertThat(status("table-1000")).isEqualTo(TableStatus.UPDATING);
    assertThat(status("table-1001")).isEqualTo(TableStatus.DELETING);

    clock.advance(Duration.ofSeconds(1));
    assertThat(dynamo.peek("table-1998")).as("not looked at since it was created").hasValueSatisfying(table -> {
      assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
      assertThat(table.globalSecondaryIndexes().get(0).indexStatusAsString()).isEqualTo("ACTIVE");
    });
    assertThat(status("table-1000")).isEqualTo(TableStatus.ACTIVE);
    assertThatThrownBy(() -> status("table-1001")).isInstanceOf(ResourceNotFoundException.class);
    assertThat(dynamo.listTables(r -> { }).tableNames()).hasSize(1_999);

    for (int i = 0; i < 250; i++) {
      createTableWithIndex("more-" + i);
    }
    assertThatThrownBy(() -> createTableWithIndex("one-more")).isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("indexed tables");
  }

  private void createTableWithIndex(String name) {
    dynamo.createTable(r -> r.tableName(name).billingMode(BillingMode.PROVISIONED)
        .attributeDefinitions(string("id"), string("day"))
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L))
        .globalSecondaryIndexes(g -> g.indexName("by-day").keySchema(k -> k.attributeName("day").keyType(KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL))
            .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))));
  }
}
