package dev.tap.operator.sandbox;

import dev.tap.operator.aws.AwsClients;
import dev.tap.operator.scaling.ObservedScaling;
import dev.tap.operator.scaling.ScalingDesiredBuilder;
import dev.tap.operator.scaling.ScalingService;
import dev.tap.operator.table.ObservedTable;
import dev.tap.operator.table.TableService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What AWS holds for the sandbox's tables, read through the same clients the operator uses. */
record Inventory(List<Table> tables, List<Target> targets) {

  record Table(String region, String name, String status, long read, long write, boolean deletionProtection,
      List<Index> indexes) {}

  record Index(String name, String status, long read, long write) {}

  record Target(String region, String resourceId, String dimension, int min, int max, String policy, Double target) {}

  static Inventory read(AwsClients aws, List<String[]> regionAndTable) {
    List<Table> tables = new ArrayList<>();
    List<Target> targets = new ArrayList<>();
    for (String[] entry : regionAndTable) {
      String region = entry[0];
      String name = entry[1];
      Optional<ObservedTable> observed = new TableService(aws.dynamoDb(region)).observe(name, false);
      if (observed.isEmpty()) {
        continue;
      }
      ObservedTable table = observed.get();
      tables.add(new Table(region, name, table.status(), table.read(), table.write(), table.deletionProtection(),
          table.indexes().stream().map(i -> new Index(i.name(), i.status(), i.read(), i.write())).toList()));
      ObservedScaling scaling = new ScalingService(aws.autoScaling(region)).observe(ScalingDesiredBuilder.tableResourceId(name));
      for (ObservedScaling.Target target : scaling.targets()) {
        var policy = scaling.policyOf(target);
        targets.add(new Target(region, target.resourceId(), target.scalableDimension(), target.minCapacity(),
            target.maxCapacity(), policy.map(ObservedScaling.Policy::policyName).orElse(null),
            policy.map(ObservedScaling.Policy::targetValue).orElse(null)));
      }
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
          + table.read() + "/" + table.write() + (table.deletionProtection() ? "  deletion-protected" : ""));
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
