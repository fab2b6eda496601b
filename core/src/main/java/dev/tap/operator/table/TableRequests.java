package dev.tap.operator.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/** Desired state and actions to DynamoDB requests, and DynamoDB descriptions back to observed state. Pure. */
public final class TableRequests {

  private TableRequests() {}

  public static CreateTableRequest createTable(DesiredTable table) {
    Map<String, AttributeDefinition> definitions = new LinkedHashMap<>();
    define(definitions, table.partitionKey());
    List<GlobalSecondaryIndex> indexes = new ArrayList<>();
    for (DesiredIndex index : table.indexes()) {
      define(definitions, index.partitionKey());
      define(definitions, index.sortKey());
      indexes.add(GlobalSecondaryIndex.builder().indexName(index.name()).keySchema(keySchema(index))
          .projection(projection(index)).provisionedThroughput(throughput(index.capacity().read(), index.capacity().write()))
          .build());
    }
    CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(table.name())
        .billingMode(BillingMode.PROVISIONED)
        .keySchema(KeySchemaElement.builder().attributeName(table.partitionKey().name()).keyType(KeyType.HASH).build())
        .attributeDefinitions(List.copyOf(definitions.values()))
        .provisionedThroughput(throughput(table.capacity().read(), table.capacity().write()))
        .tags(table.tags().entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList());
    if (!indexes.isEmpty()) {
      request.globalSecondaryIndexes(indexes);
    }
    if (table.deletionProtection() != null) {
      request.deletionProtectionEnabled(table.deletionProtection());
    }
    return request.build();
  }

  public static UpdateTableRequest update(String tableName, TableAction.Update update) {
    UpdateTableRequest.Builder request = UpdateTableRequest.builder().tableName(tableName);
    if (update.read() != null) {
      request.provisionedThroughput(throughput(update.read(), update.write()));
    }
    if (!update.indexThroughput().isEmpty()) {
      request.globalSecondaryIndexUpdates(update.indexThroughput().entrySet().stream()
          .map(e -> GlobalSecondaryIndexUpdate.builder().update(u -> u.indexName(e.getKey())
              .provisionedThroughput(throughput(e.getValue()[0], e.getValue()[1]))).build())
          .toList());
    }
    if (update.deletionProtection() != null) {
      request.deletionProtectionEnabled(update.deletionProtection());
    }
    return request.build();
  }

  public static UpdateTableRequest createIndex(String tableName, TableAction.CreateIndex action) {
    DesiredIndex index = action.index();
    Map<String, AttributeDefinition> definitions = new LinkedHashMap<>();
    define(definitions, action.tableKey());
    define(definitions, index.partitionKey());
    define(definitions, index.sortKey());
    return UpdateTableRequest.builder().tableName(tableName)
        .attributeDefinitions(List.copyOf(definitions.values()))
        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName(index.name())
            .keySchema(keySchema(index)).projection(projection(index))
            .provisionedThroughput(throughput(index.capacity().read(), index.capacity().write()))).build())
        .build();
  }

  public static UpdateTableRequest deleteIndex(String tableName, String indexName) {
    return UpdateTableRequest.builder().tableName(tableName)
        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName(indexName)).build())
        .build();
  }

  /** DescribeTable's answer, with the tags and point-in-time recovery read beside it. */
  public static ObservedTable observed(TableDescription table, Map<String, String> tags, Boolean pointInTimeRecovery) {
    Map<String, String> types = new LinkedHashMap<>();
    table.attributeDefinitions().forEach(d -> types.put(d.attributeName(), d.attributeTypeAsString()));
    List<ObservedIndex> indexes = new ArrayList<>();
    Map<String, DecreaseHistory> decreases = new LinkedHashMap<>();
    decreases.put(table.tableName(), decreases(table.provisionedThroughput()));
    for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
      decreases.put(index.indexName(), decreases(index.provisionedThroughput()));
      indexes.add(new ObservedIndex(index.indexName(), index.indexStatusAsString(),
          key(index.keySchema(), KeyType.HASH, types), key(index.keySchema(), KeyType.RANGE, types),
          index.projection() == null ? "ALL" : index.projection().projectionTypeAsString(),
          index.provisionedThroughput() == null ? 0 : index.provisionedThroughput().readCapacityUnits(),
          index.provisionedThroughput() == null ? 0 : index.provisionedThroughput().writeCapacityUnits()));
    }
    return new ObservedTable(table.tableName(), table.tableArn(), table.tableStatusAsString(),
        key(table.keySchema(), KeyType.HASH, types), table.provisionedThroughput().readCapacityUnits(),
        table.provisionedThroughput().writeCapacityUnits(), List.copyOf(indexes),
        Boolean.TRUE.equals(table.deletionProtectionEnabled()), pointInTimeRecovery, Map.copyOf(tags),
        Map.copyOf(decreases));
  }

  private static DecreaseHistory decreases(ProvisionedThroughputDescription throughput) {
    return throughput == null || throughput.numberOfDecreasesToday() == null ? DecreaseHistory.NONE
        : new DecreaseHistory(throughput.numberOfDecreasesToday(), throughput.lastDecreaseDateTime());
  }

  private static KeyAttributeDef key(List<KeySchemaElement> schema, KeyType type, Map<String, String> types) {
    return schema.stream().filter(k -> k.keyType() == type).findFirst()
        .map(k -> new KeyAttributeDef(k.attributeName(), types.get(k.attributeName()))).orElse(null);
  }

  private static List<KeySchemaElement> keySchema(DesiredIndex index) {
    List<KeySchemaElement> keys = new ArrayList<>();
    keys.add(KeySchemaElement.builder().attributeName(index.partitionKey().name()).keyType(KeyType.HASH).build());
    if (index.sortKey() != null) {
      keys.add(KeySchemaElement.builder().attributeName(index.sortKey().name()).keyType(KeyType.RANGE).build());
    }
    return keys;
  }

  private static Projection projection(DesiredIndex index) {
    Projection.Builder projection = Projection.builder().projectionType(index.projectionType());
    if (!index.nonKeyAttributes().isEmpty()) {
      projection.nonKeyAttributes(index.nonKeyAttributes());
    }
    return projection.build();
  }

  private static ProvisionedThroughput throughput(long read, long write) {
    return ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build();
  }

  private static void define(Map<String, AttributeDefinition> definitions, KeyAttributeDef key) {
    if (key != null) {
      definitions.putIfAbsent(key.name(), AttributeDefinition.builder().attributeName(key.name())
          .attributeType(key.type()).build());
    }
  }
}
