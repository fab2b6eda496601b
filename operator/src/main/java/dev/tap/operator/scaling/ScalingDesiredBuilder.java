package dev.tap.operator.scaling;

import dev.tap.operator.api.v1alpha1.AutoScalingSpec;
import dev.tap.operator.api.v1alpha1.IndexSpec;
import dev.tap.operator.api.v1alpha1.ScalingSpec;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.api.v1alpha1.TableSpec;
import dev.tap.operator.naming.AwsNames;
import java.util.ArrayList;
import java.util.List;

/** Spec to the scalable targets and target-tracking policies it asks for. Pure. */
public final class ScalingDesiredBuilder {

  static final String READ_POLICY = "tap-read-target-tracking";
  static final String WRITE_POLICY = "tap-write-target-tracking";
  /** Every policy name the operator gives; reads filter by them. */
  static final List<String> POLICY_NAMES = List.of(READ_POLICY, WRITE_POLICY);

  private ScalingDesiredBuilder() {}

  public static List<ScalingTarget> build(ServerlessApi api) {
    String table = new AwsNames(api.getMetadata().getName(), api.getSpec().getEnvironment()).table();
    TableSpec spec = api.getSpec().getTable();
    List<ScalingTarget> targets = new ArrayList<>();
    add(targets, tableResourceId(table), "table", spec.getAutoScaling());
    if (spec.getGlobalSecondaryIndexes() != null) {
      for (IndexSpec index : spec.getGlobalSecondaryIndexes()) {
        add(targets, tableResourceId(table) + "/index/" + index.getIndexName(), "index", index.getAutoScaling());
      }
    }
    return List.copyOf(targets);
  }

  public static String tableResourceId(String table) {
    return "table/" + table;
  }

  private static void add(List<ScalingTarget> targets, String resourceId, String kind, AutoScalingSpec autoScaling) {
    if (autoScaling == null) {
      return;
    }
    if (autoScaling.getRead() != null) {
      targets.add(target(resourceId, "dynamodb:" + kind + ":ReadCapacityUnits", autoScaling.getRead(), READ_POLICY,
          "DynamoDBReadCapacityUtilization"));
    }
    if (autoScaling.getWrite() != null) {
      targets.add(target(resourceId, "dynamodb:" + kind + ":WriteCapacityUnits", autoScaling.getWrite(), WRITE_POLICY,
          "DynamoDBWriteCapacityUtilization"));
    }
  }

  private static ScalingTarget target(String resourceId, String dimension, ScalingSpec spec, String policy, String metric) {
    return new ScalingTarget(resourceId, dimension, Math.toIntExact(spec.getMinCapacity()),
        Math.toIntExact(spec.getMaxCapacity()), spec.getTargetUtilizationPercent(), policy, metric);
  }
}
