package dev.tap.operator.scaling;

import dev.tap.operator.api.v1alpha1.AutoScalingSpec;
import dev.tap.operator.api.v1alpha1.IndexSpec;
import dev.tap.operator.api.v1alpha1.ScalingSpec;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.api.v1alpha1.TableSpec;
import dev.tap.operator.naming.AwsNames;
import dev.tap.operator.naming.Digest;
import java.util.ArrayList;
import java.util.List;

/** Spec to the scalable targets and target-tracking policies it asks for. Pure. */
public final class ScalingDesiredBuilder {

  /** PolicyName: 1-256 printable characters. */
  private static final int MAX_POLICY_NAME = 256;

  private ScalingDesiredBuilder() {}

  public static List<ScalingTarget> build(ServerlessApi api) {
    String table = AwsNames.of(api).table();
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

  /**
   * The policy of one target, named after its resource, such as
   * {@code tap-read-target-tracking:table/tap-items-prod}: reads filter by these names, so they return
   * this resource's policies only, however many tables the account (or this operator) autoscales.
   */
  public static String policyName(String resourceId, boolean read) {
    String name = "tap-" + (read ? "read" : "write") + "-target-tracking:" + resourceId;
    if (name.length() <= MAX_POLICY_NAME) {
      return name;
    }
    // Too long (a 255-character table and index name): keep it unique with a digest of the whole name.
    return name.substring(0, MAX_POLICY_NAME - 17) + "~" + Digest.shortSha256(name);
  }

  /** Both policy names of each resource. */
  public static List<String> policyNames(List<String> resourceIds) {
    List<String> names = new ArrayList<>();
    resourceIds.forEach(id -> {
      names.add(policyName(id, true));
      names.add(policyName(id, false));
    });
    return List.copyOf(names);
  }

  public static String tableResourceId(String table) {
    return "table/" + table;
  }

  private static void add(List<ScalingTarget> targets, String resourceId, String kind, AutoScalingSpec autoScaling) {
    if (autoScaling == null) {
      return;
    }
    if (autoScaling.getRead() != null) {
      targets.add(target(resourceId, "dynamodb:" + kind + ":ReadCapacityUnits", autoScaling.getRead(), policyName(resourceId, true),
          "DynamoDBReadCapacityUtilization"));
    }
    if (autoScaling.getWrite() != null) {
      targets.add(target(resourceId, "dynamodb:" + kind + ":WriteCapacityUnits", autoScaling.getWrite(), policyName(resourceId, false),
          "DynamoDBWriteCapacityUtilization"));
    }
  }

  private static ScalingTarget target(String resourceId, String dimension, ScalingSpec spec, String policy, String metric) {
    return new ScalingTarget(resourceId, dimension, Math.toIntExact(spec.getMinCapacity()),
        Math.toIntExact(spec.getMaxCapacity()), spec.getTargetUtilizationPercent(), policy, metric);
  }
}
