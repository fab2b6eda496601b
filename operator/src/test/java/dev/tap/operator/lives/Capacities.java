package dev.tap.operator.lives;

import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** A table's or an index's provisioned capacity, named as Application Auto Scaling names its target. */
final class Capacities {

  private Capacities() {}

  /** The capacity of {@code target}: "{@code table/T} {@code dynamodb:table:ReadCapacityUnits}", or an index's. */
  static long of(TableDescription table, String target) {
    String[] parts = target.split(" ");
    String resourceId = parts[0];
    boolean read = parts[1].endsWith("ReadCapacityUnits");
    ProvisionedThroughputDescription throughput = table.provisionedThroughput();
    int index = resourceId.indexOf("/index/");
    if (index >= 0) {
      String name = resourceId.substring(index + "/index/".length());
      throughput = table.globalSecondaryIndexes().stream().filter(i -> i.indexName().equals(name))
          .map(GlobalSecondaryIndexDescription::provisionedThroughput).findFirst().orElse(throughput);
    }
    return read ? throughput.readCapacityUnits() : throughput.writeCapacityUnits();
  }
}
