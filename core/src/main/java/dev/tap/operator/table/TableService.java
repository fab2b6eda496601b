package dev.tap.operator.table;

import dev.tap.operator.aws.AwsServices;
import dev.tap.operator.workflow.AwsSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/** The DynamoDB calls for one table, and nothing else. */
public final class TableService {

  private final DynamoDbClient dynamo;

  public TableService(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
  }

  /** DescribeTable, ListTagsOfResource and, when asked, DescribeContinuousBackups; empty when there is no table. */
  public Optional<ObservedTable> observe(String tableName, boolean readPointInTimeRecovery) {
    TableDescription table;
    try {
      table = dynamo.describeTable(r -> r.tableName(tableName)).table();
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
    Map<String, String> tags = new LinkedHashMap<>();
    if (!"CREATING".equals(table.tableStatusAsString())) {
      dynamo.listTagsOfResource(r -> r.resourceArn(table.tableArn())).tags().forEach(t -> tags.put(t.key(), t.value()));
    }
    Boolean pointInTimeRecovery = null;
    if (readPointInTimeRecovery && "ACTIVE".equals(table.tableStatusAsString())) {
      pointInTimeRecovery = dynamo.describeContinuousBackups(r -> r.tableName(tableName)).continuousBackupsDescription()
          .pointInTimeRecoveryDescription().pointInTimeRecoveryStatus() == PointInTimeRecoveryStatus.ENABLED;
    }
    return Optional.of(TableRequests.observed(table, tags, pointInTimeRecovery));
  }

  /** The table as deletion sees it, read once however many dependents ask in this session. */
  public static Optional<ObservedTable> observeOnce(AwsSession session, String tableName) {
    return session.readOnce("dynamodb:table/" + tableName,
        () -> new TableService(session.client(AwsServices.DYNAMODB)).observe(tableName, false));
  }

  public ObservedTable create(DesiredTable desired) {
    TableDescription created = dynamo.createTable(TableRequests.createTable(desired)).tableDescription();
    return TableRequests.observed(created, desired.tags(), null);
  }

  public void update(String tableName, TableAction.Update update) {
    dynamo.updateTable(TableRequests.update(tableName, update));
  }

  public void createIndex(String tableName, TableAction.CreateIndex action) {
    dynamo.updateTable(TableRequests.createIndex(tableName, action));
  }

  public void deleteIndex(String tableName, String indexName) {
    dynamo.updateTable(TableRequests.deleteIndex(tableName, indexName));
  }

  public void setPointInTimeRecovery(String tableName, boolean enabled) {
    dynamo.updateContinuousBackups(r -> r.tableName(tableName)
        .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(enabled)));
  }

  public void tag(String tableArn, Map<String, String> tags) {
    dynamo.tagResource(r -> r.resourceArn(tableArn)
        .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
  }

  public void delete(String tableName) {
    dynamo.deleteTable(r -> r.tableName(tableName));
  }
}
