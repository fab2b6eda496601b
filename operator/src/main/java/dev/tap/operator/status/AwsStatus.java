package dev.tap.operator.status;

import dev.tap.operator.api.v1alpha1.AckResourceMetadata;
import dev.tap.operator.api.v1alpha1.IndexStatus;
import dev.tap.operator.api.v1alpha1.ScalingStatus;
import dev.tap.operator.api.v1alpha1.ScalingTargetStatus;
import dev.tap.operator.api.v1alpha1.ServerlessApiStatus;
import dev.tap.operator.api.v1alpha1.TableStatus;
import dev.tap.operator.scaling.ObservedScaling;
import dev.tap.operator.scaling.ScalingOutcome;
import dev.tap.operator.table.ObservedTable;
import dev.tap.operator.table.TableOutcome;

/** Writes what a reconcile observed in AWS into the status sections. Pure. */
public final class AwsStatus {

  private AwsStatus() {}

  public static void write(ServerlessApiStatus status, String region, TableOutcome table, ScalingOutcome scaling) {
    if (table != null && table.observed() != null) {
      ObservedTable observed = table.observed();
      TableStatus tableStatus = new TableStatus();
      tableStatus.setName(observed.name());
      tableStatus.setArn(observed.arn());
      tableStatus.setStatus(observed.status());
      tableStatus.setReadCapacity(observed.read());
      tableStatus.setWriteCapacity(observed.write());
      tableStatus.setIndexes(observed.indexes().stream().map(i -> {
        IndexStatus index = new IndexStatus();
        index.setIndexName(i.name());
        index.setStatus(i.status());
        index.setReadCapacity(i.read());
        index.setWriteCapacity(i.write());
        return index;
      }).toList());
      status.setTable(tableStatus);
      AckResourceMetadata metadata = new AckResourceMetadata();
      metadata.setOwnerAccountID(observed.accountId());
      metadata.setRegion(region);
      status.setAckResourceMetadata(metadata);
    }
    if (scaling != null) {
      ScalingStatus scalingStatus = new ScalingStatus();
      scalingStatus.setTargets(scaling.observed().targets().stream().map(t -> target(t, scaling.observed())).toList());
      status.setScaling(scalingStatus);
    }
  }

  private static ScalingTargetStatus target(ObservedScaling.Target target, ObservedScaling observed) {
    ScalingTargetStatus status = new ScalingTargetStatus();
    status.setResourceId(target.resourceId());
    status.setScalableDimension(target.scalableDimension());
    status.setMinCapacity((long) target.minCapacity());
    status.setMaxCapacity((long) target.maxCapacity());
    observed.policyOf(target).ifPresent(p -> {
      status.setPolicyName(p.policyName());
      status.setTargetUtilizationPercent(p.targetValue());
    });
    return status;
  }
}
