package dev.tap.operator.sandbox;

import dev.tap.operator.aws.AwsClients;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** What AWS holds for the sandbox's tables, read through the same clients the operator uses. */
record Inventory(List<Table> tables, List<Target> targets) {

  record Table(String region, String name, String status, long read, long write, Boolean deletionProtection,
      List<Index> indexes) {}

  record Index(String name, String status, long read, long write) {}

  record Target(String region, String resourceId, String dimension, int min, int max, String policy, Double target) {}

  static Inventory read(AwsClients aws, List<String[]> regionAndTable) {
    List<Table> tables = new ArrayList<>();
    List<Target> targets = new ArrayList<>();
    for (String[] entry : regionAndTable) {
      String region = entry[0];
      String name = entry[1];
      DynamoDbClient dynamo = aws.dynamoDb(region);
      try {
        TableDescription table = dynamo.describeTable(r -> r.tableName(name)).table();
        tables.add(new Table(region, name, table.tableStatusAsString(), table.provisionedThroughput().readCapacityUnits(),
            table.provisionedThroughput().writeCapacityUnits(), table.deletionProtectionEnabled(),
            table.globalSecondaryIndexes().stream().map(i -> new Index(i.indexName(), i.indexStatusAsString(),
                i.provisionedThroughput().readCapacityUnits(), i.provisionedThroughput().writeCapacityUnits())).toList()));
      } catch (ResourceNotFoundException e) {
        continue;
      }
      ApplicationAutoScalingClient scaling = aws.autoScaling(region);
      var policies = scaling.describeScalingPoliciesPaginator(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB))
          .scalingPolicies().stream().toList();
      scaling.describeScalableTargetsPaginator(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB)).scalableTargets().stream()
          .filter(t -> t.resourceId().equals("table/" + name) || t.resourceId().startsWith("table/" + name + "/index/"))
          .forEach(t -> {
            var policy = policies.stream().filter(p -> p.resourceId().equals(t.resourceId())
                && p.scalableDimension() == t.scalableDimension()).findFirst();
            targets.add(new Target(region, t.resourceId(), t.scalableDimensionAsString(), t.minCapacity(), t.maxCapacity(),
                policy.map(p -> p.policyName()).orElse(null),
                policy.map(p -> p.targetTrackingScalingPolicyConfiguration().targetValue()).orElse(null)));
          });
    }
    return new Inventory(List.copyOf(tables), List.copyOf(targets));
  }

  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("AWS inventory");
    if (tables.isEmpty()) {
      lines.add("  (no tables)");
    }
    for (Table table : tables) {
      lines.add("  table " + table.name() + " (" + table.region() + ")  " + table.status() + "  capacity "
          + table.read() + "/" + table.write() + (Boolean.TRUE.equals(table.deletionProtection()) ? "  deletion-protected" : ""));
      for (Index index : table.indexes()) {
        lines.add("    index " + index.name() + "  " + index.status() + "  capacity " + index.read() + "/" + index.write());
      }
    }
    for (Target target : targets) {
      lines.add("  scaling " + target.resourceId() + " " + target.dimension() + "  " + target.min() + "-" + target.max()
          + (target.policy() == null ? "  (no policy)" : "  " + target.policy() + " at " + target.target() + "%"));
    }
    return lines;
  }
}
