package dev.tap.operator.table;

import dev.tap.operator.api.v1alpha1.AutoScalingSpec;
import dev.tap.operator.api.v1alpha1.IndexSpec;
import dev.tap.operator.api.v1alpha1.KeyAttribute;
import dev.tap.operator.api.v1alpha1.ProjectionType;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.api.v1alpha1.TableSpec;
import dev.tap.operator.naming.AwsNames;
import dev.tap.operator.naming.OwnerTags;
import dev.tap.operator.naming.PartitionKey;
import java.util.List;
import java.util.Map;

/** Spec to {@link DesiredTable}: names, defaults and ownership tags, with no I/O. */
public final class TableDesiredBuilder {

  static final KeyAttributeDef DEFAULT_PARTITION_KEY = new KeyAttributeDef(PartitionKey.DEFAULT.name(),
      PartitionKey.DEFAULT.type());

  private TableDesiredBuilder() {}

  public static DesiredTable build(ServerlessApi api) {
    TableSpec spec = api.getSpec().getTable();
    AwsNames names = AwsNames.of(api);
    Map<String, String> tags = OwnerTags.of(api);
    List<DesiredIndex> indexes = spec.getGlobalSecondaryIndexes() == null ? List.of()
        : spec.getGlobalSecondaryIndexes().stream().map(TableDesiredBuilder::index).toList();
    KeyAttributeDef partitionKey = spec.getPartitionKey() == null ? DEFAULT_PARTITION_KEY : key(spec.getPartitionKey());
    return new DesiredTable(names.table(), partitionKey,
        capacity(spec.getReadCapacity(), spec.getWriteCapacity(), spec.getAutoScaling()),
        indexes, spec.getDeletionProtection(), spec.getPointInTimeRecovery(), Map.copyOf(tags));
  }

  private static DesiredIndex index(IndexSpec spec) {
    ProjectionType projection = spec.getProjectionType() == null ? ProjectionType.ALL : spec.getProjectionType();
    return new DesiredIndex(spec.getIndexName(), key(spec.getPartitionKey()),
        spec.getSortKey() == null ? null : key(spec.getSortKey()), projection.name(),
        spec.getNonKeyAttributes() == null ? List.of() : List.copyOf(spec.getNonKeyAttributes()),
        capacity(spec.getReadCapacity(), spec.getWriteCapacity(), spec.getAutoScaling()));
  }

  private static Capacity capacity(long read, long write, AutoScalingSpec autoScaling) {
    return new Capacity(read, write, autoScaling != null && autoScaling.getRead() != null,
        autoScaling != null && autoScaling.getWrite() != null);
  }

  private static KeyAttributeDef key(KeyAttribute key) {
    return new KeyAttributeDef(key.getName(), key.getType().name());
  }
}
