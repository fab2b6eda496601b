package dev.tap.handler;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** The items table and its createdAt index: DynamoDB calls only, no rules. */
final class ItemsRepository {

  static final String ID = "id";
  static final String VERSION = "version";
  static final String CREATED_DATE = "createdDate";
  static final String CREATED_AT = "createdAt";
  static final String UPDATED_AT = "updatedAt";

  /** One page of items and the key to continue from, empty on the last page. */
  record Page(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> lastKey) {}

  private final DynamoDbClient dynamo;
  private final String table;
  private final String index;

  ItemsRepository(DynamoDbClient dynamo, String table, String index) {
    this.dynamo = dynamo;
    this.table = table;
    this.index = index;
  }

  /** Writes a new item; false when an item with its id already exists. */
  boolean create(Map<String, AttributeValue> item) {
    try {
      dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(#id)")
          .expressionAttributeNames(Map.of("#id", ID)));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  Optional<Map<String, AttributeValue>> get(String id) {
    Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(id)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  Page scan(int limit, Map<String, AttributeValue> startKey) {
    ScanRequest.Builder request = ScanRequest.builder().tableName(table).limit(limit);
    if (startKey != null) {
      request.exclusiveStartKey(startKey);
    }
    ScanResponse response = dynamo.scan(request.build());
    return new Page(response.items(), response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : Map.of());
  }

  /** Items created on {@code day}, newest first. */
  Page createdOn(String day, int limit, Map<String, AttributeValue> startKey) {
    QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName(index).limit(limit)
        .keyConditionExpression("#day = :day").scanIndexForward(false)
        .expressionAttributeNames(Map.of("#day", CREATED_DATE))
        .expressionAttributeValues(Map.of(":day", AttributeValue.fromS(day)));
    if (startKey != null) {
      request.exclusiveStartKey(startKey);
    }
    QueryResponse response = dynamo.query(request.build());
    return new Page(response.items(), response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : Map.of());
  }

  /** Replaces the item if it still has {@code expectedVersion}; false when it does not (or is gone). */
  boolean replace(Map<String, AttributeValue> item, long expectedVersion) {
    try {
      dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("#v = :expected")
          .expressionAttributeNames(Map.of("#v", VERSION))
          .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion)))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** Deletes the item if it exists and, when given, still has {@code expectedVersion}. */
  boolean delete(String id, Long expectedVersion) {
    DeleteItemRequest.Builder request = DeleteItemRequest.builder().tableName(table).key(key(id));
    if (expectedVersion == null) {
      request.conditionExpression("attribute_exists(#id)").expressionAttributeNames(Map.of("#id", ID));
    } else {
      request.conditionExpression("#v = :expected").expressionAttributeNames(Map.of("#v", VERSION))
          .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion))));
    }
    try {
      dynamo.deleteItem(request.build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of(ID, AttributeValue.fromS(id));
  }
}
