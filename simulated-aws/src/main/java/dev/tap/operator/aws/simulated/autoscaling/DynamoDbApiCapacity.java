package dev.tap.operator.aws.simulated.autoscaling;

import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Capacity of tables behind a DynamoDB API (a real endpoint): DescribeTable to read, UpdateTable to set. */
public final class DynamoDbApiCapacity implements ScalableCapacity {

  private final DynamoDbClient dynamo;

  public DynamoDbApiCapacity(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
  }

  @Override
  public Optional<long[]> capacity(String table, String index) {
    TableDescription description;
    try {
      description = dynamo.describeTable(r -> r.tableName(table)).table();
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
    if (index == null) {
      return Optional.of(new long[] {description.provisionedThroughput().readCapacityUnits(),
          description.provisionedThroughput().writeCapacityUnits()});
    }
    return description.globalSecondaryIndexes().stream().filter(i -> i.indexName().equals(index)).findFirst()
        .map(GlobalSecondaryIndexDescription::provisionedThroughput)
        .map(t -> new long[] {t.readCapacityUnits(), t.writeCapacityUnits()});
  }

  @Override
  public void setCapacity(String table, String index, boolean read, long capacity) {
    long[] current = capacity(table, index).orElseThrow();
    if ((read ? current[0] : current[1]) == capacity) {
      return;
    }
    long newRead = read ? capacity : current[0];
    long newWrite = read ? current[1] : capacity;
    if (index == null) {
      dynamo.updateTable(r -> r.tableName(table).provisionedThroughput(t -> t.readCapacityUnits(newRead)
          .writeCapacityUnits(newWrite)));
    } else {
      dynamo.updateTable(r -> r.tableName(table).globalSecondaryIndexUpdates(u -> u.update(i -> i.indexName(index)
          .provisionedThroughput(t -> t.readCapacityUnits(newRead).writeCapacityUnits(newWrite)))));
    }
  }
}
