package dev.tap.operator.sandbox.serve;

import dev.tap.operator.aws.simulated.SimulatedAws;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The data plane of the simulated DynamoDB: each table the simulated control plane made ACTIVE is
 * created in dynalite with its keys and indexes, and deleted there once the control plane deleted it.
 * Capacity is not mirrored: dynalite does not throttle.
 */
final class TableMirror {

  private static final ProvisionedThroughput ANY_CAPACITY =
      ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(5L).build();

  private final SimulatedAws aws;
  private final DynamoDbClient dynalite;
  private final Consumer<String> say;
  private final Set<String> mirrored = new HashSet<>();
  private final Set<String> refused = new HashSet<>();

  TableMirror(SimulatedAws aws, DynamoDbClient dynalite, Consumer<String> say) {
    this.aws = aws;
    this.dynalite = dynalite;
    this.say = say;
  }

  /** One pass: creates what became ACTIVE, deletes what is gone. */
  synchronized void sync() {
    Set<String> present = new HashSet<>();
    for (String region : aws.regionsOf(SimulatedAws.DYNAMODB)) {
      for (String name : aws.dynamoDb(region).peekTableNames()) {
        Optional<TableDescription> table = aws.dynamoDb(region).peek(name);
        if (table.isEmpty() || table.get().tableStatus() == TableStatus.CREATING) {
          continue;
        }
        present.add(name);
        if (!mirrored.contains(name) && !refused.contains(name)) {
          create(table.get());
        }
      }
    }
    for (String name : List.copyOf(mirrored)) {
      if (!present.contains(name)) {
        delete(name);
      }
    }
  }

  private void create(TableDescription table) {
    CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(table.tableName())
        .keySchema(table.keySchema()).attributeDefinitions(table.attributeDefinitions())
        .billingMode(BillingMode.PROVISIONED).provisionedThroughput(ANY_CAPACITY);
    if (table.hasGlobalSecondaryIndexes() && !table.globalSecondaryIndexes().isEmpty()) {
      request.globalSecondaryIndexes(table.globalSecondaryIndexes().stream().map(TableMirror::index).toList());
    }
    try {
      dynalite.createTable(request.build());
      mirrored.add(table.tableName());
    } catch (ResourceInUseException exists) {
      mirrored.add(table.tableName());
    } catch (SdkException e) {
      refused.add(table.tableName());
      say.accept("dynalite refused table " + table.tableName() + ": " + e.getMessage());
    }
  }

  private void delete(String name) {
    try {
      dynalite.deleteTable(r -> r.tableName(name));
    } catch (ResourceNotFoundException gone) {
      // already gone
    } catch (SdkException e) {
      say.accept("dynalite could not delete table " + name + ": " + e.getMessage());
    }
    mirrored.remove(name);
  }

  private static GlobalSecondaryIndex index(GlobalSecondaryIndexDescription index) {
    return GlobalSecondaryIndex.builder().indexName(index.indexName()).keySchema(index.keySchema())
        .projection(index.projection()).provisionedThroughput(ANY_CAPACITY).build();
  }
}
