package dev.tap.operator.aws.simulated.dynamodb;

import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.aws.simulated.SimulatedClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.BillingModeSummary;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.TagResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse;

/**
 * The SDK's {@link DynamoDbClient} over {@link DynamoDbState}: each operation enters the account
 * (counted, delayed, faulted, rate-limited), hands the request's fields to the state, and builds the
 * response. No rule lives here. Operations the operator does not use are not offered (the interface's
 * defaults throw UnsupportedOperationException).
 */
public final class SimulatedDynamoDb extends SimulatedClient<DynamoDbState> implements DynamoDbClient {

  public SimulatedDynamoDb(SimulatedAws aws, String region) {
    super(aws, SimulatedAws.DYNAMODB, new DynamoDbState(region, aws));
  }

  @Override
  public CreateTableResponse createTable(CreateTableRequest request) {
    enter("CreateTable");
    Map<String, String> tags = new LinkedHashMap<>();
    request.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
    DynamoDbState.Table table = state().createTable(request.tableName(), request.billingMode(),
        request.provisionedThroughput(), request.keySchema(), request.attributeDefinitions(),
        request.globalSecondaryIndexes(), tags, request.deletionProtectionEnabled());
    return CreateTableResponse.builder().tableDescription(describe(table)).build();
  }

  @Override
  public DescribeTableResponse describeTable(DescribeTableRequest request) {
    enter("DescribeTable");
    return DescribeTableResponse.builder().table(describe(state().table(request.tableName()))).build();
  }

  @Override
  public ListTablesResponse listTables(ListTablesRequest request) {
    enter("ListTables");
    return ListTablesResponse.builder().tableNames(state().tableNames()).build();
  }

  @Override
  public UpdateTableResponse updateTable(UpdateTableRequest request) {
    enter("UpdateTable");
    DynamoDbState.Table table = state().updateTable(request.tableName(), request.provisionedThroughput(),
        request.globalSecondaryIndexUpdates(), request.attributeDefinitions(), request.deletionProtectionEnabled());
    return UpdateTableResponse.builder().tableDescription(describe(table)).build();
  }

  @Override
  public DeleteTableResponse deleteTable(DeleteTableRequest request) {
    enter("DeleteTable");
    return DeleteTableResponse.builder().tableDescription(describe(state().deleteTable(request.tableName()))).build();
  }

  @Override
  public TagResourceResponse tagResource(TagResourceRequest request) {
    enter("TagResource");
    Map<String, String> tags = new LinkedHashMap<>();
    request.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
    state().tag(request.resourceArn(), tags);
    return TagResourceResponse.builder().build();
  }

  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest request) {
    enter("UntagResource");
    state().untag(request.resourceArn(), request.tagKeys());
    return UntagResourceResponse.builder().build();
  }

  @Override
  public ListTagsOfResourceResponse listTagsOfResource(ListTagsOfResourceRequest request) {
    enter("ListTagsOfResource");
    List<Tag> tags = state().tags(request.resourceArn()).entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    return ListTagsOfResourceResponse.builder().tags(tags).build();
  }

  @Override
  public DescribeContinuousBackupsResponse describeContinuousBackups(DescribeContinuousBackupsRequest request) {
    enter("DescribeContinuousBackups");
    return DescribeContinuousBackupsResponse.builder()
        .continuousBackupsDescription(backups(state().table(request.tableName()))).build();
  }

  @Override
  public UpdateContinuousBackupsResponse updateContinuousBackups(UpdateContinuousBackupsRequest request) {
    enter("UpdateContinuousBackups");
    DynamoDbState.Table table = state().setPointInTimeRecovery(request.tableName(),
        request.pointInTimeRecoverySpecification().pointInTimeRecoveryEnabled());
    return UpdateContinuousBackupsResponse.builder().continuousBackupsDescription(backups(table)).build();
  }

  // ---- test controls: read-only views that count no call ----------------------------------------

  public Optional<TableDescription> peek(String tableName) {
    return state().find(tableName).map(this::describe);
  }

  public Map<String, String> peekTags(String tableName) {
    return state().find(tableName).map(t -> state().tags(t.arn)).orElse(Map.of());
  }

  public boolean peekPointInTimeRecovery(String tableName) {
    synchronized (state()) {
      return state().find(tableName).map(t -> t.pointInTimeRecovery).orElse(false);
    }
  }

  public List<String> peekTableNames() {
    return state().tableNames();
  }

  // ---- responses -------------------------------------------------------------------------------

  private ProvisionedThroughputDescription throughput(long read, long write, CapacityDecreases decreases) {
    return ProvisionedThroughputDescription.builder().readCapacityUnits(read).writeCapacityUnits(write)
        .numberOfDecreasesToday(decreases.countOn(now())).lastDecreaseDateTime(decreases.last()).build();
  }

  /** Reads the table under the state's lock, as its operations change it under that lock. */
  private TableDescription describe(DynamoDbState.Table table) {
    synchronized (state()) {
      List<GlobalSecondaryIndexDescription> indexes = table.indexes.values().stream()
          .map(i -> GlobalSecondaryIndexDescription.builder().indexName(i.name).keySchema(i.keySchema)
              .projection(i.projection).indexStatus(i.status).indexArn(table.arn + "/index/" + i.name)
              .provisionedThroughput(throughput(i.read, i.write, i.decreases))
              .build())
          .toList();
      TableDescription.Builder description = TableDescription.builder().tableName(table.name).tableArn(table.arn)
          .tableStatus(table.status).creationDateTime(table.created).keySchema(table.keySchema)
          .attributeDefinitions(List.copyOf(table.attributes.values()))
          .billingModeSummary(BillingModeSummary.builder().billingMode(BillingMode.PROVISIONED).build())
          .provisionedThroughput(throughput(table.read, table.write, table.decreases))
          .deletionProtectionEnabled(table.deletionProtection);
      if (!indexes.isEmpty()) {
        description.globalSecondaryIndexes(indexes);
      }
      return description.build();
    }
  }

  private ContinuousBackupsDescription backups(DynamoDbState.Table table) {
    boolean enabled;
    synchronized (state()) {
      enabled = table.pointInTimeRecovery;
    }
    return ContinuousBackupsDescription.builder().continuousBackupsStatus(ContinuousBackupsStatus.ENABLED)
        .pointInTimeRecoveryDescription(PointInTimeRecoveryDescription.builder()
            .pointInTimeRecoveryStatus(enabled ? PointInTimeRecoveryStatus.ENABLED
                : PointInTimeRecoveryStatus.DISABLED).build())
        .build();
  }
}
