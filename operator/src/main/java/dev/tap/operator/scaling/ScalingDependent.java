package dev.tap.operator.scaling;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AwsSession;
import dev.tap.operator.naming.AwsNames;
import dev.tap.operator.workflow.AwsDependent;
import dev.tap.operator.table.DesiredTable;
import dev.tap.operator.table.TableDesiredBuilder;
import dev.tap.operator.table.TableService;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import java.util.List;

/**
 * Application Auto Scaling of the table and its indexes. Runs once the table is ready; makes every
 * change in one pass. It owns the bounds and policies; the capacity inside them is the scaler's.
 */
public final class ScalingDependent extends AwsDependent<ObservedScaling> {

  public ScalingDependent() {
    super(ObservedScaling.class);
  }

  @Override
  public ReconcileResult<ObservedScaling> reconcile(ServerlessApi api, Context<ServerlessApi> context) {
    AwsSession session = session(context);
    ScalingService scaling = new ScalingService(session.autoScaling());
    List<ScalingTarget> desired = ScalingDesiredBuilder.build(api);
    ObservedScaling observed = scaling.observe(ScalingDesiredBuilder.tableResourceId(tableName(api)));
    List<ScalingChange> changes = ScalingDelta.changes(desired, observed);
    report(context, ScalingOutcome.class, new ScalingOutcome(observed, desired, changes));
    for (ScalingChange change : changes) {
      scaling.apply(change);
      session.changed(api, reason(change), describe(change));
    }
    return changes.isEmpty() ? ReconcileResult.noOperation(observed) : ReconcileResult.resourceUpdated(observed);
  }

  /** Deregisters the targets of our table; those of a same-named table someone else owns are left alone. */
  @Override
  public void delete(ServerlessApi api, Context<ServerlessApi> context) {
    AwsSession session = session(context);
    String owner = TableDesiredBuilder.owner(api);
    boolean foreignTable = new TableService(session.dynamoDb()).observe(tableName(api), false)
        .map(table -> !owner.equals(table.tags().get(DesiredTable.OWNER_TAG))).orElse(false);
    if (foreignTable) {
      return;
    }
    ScalingService scaling = new ScalingService(session.autoScaling());
    ObservedScaling observed = scaling.observe(ScalingDesiredBuilder.tableResourceId(tableName(api)));
    for (ObservedScaling.Target target : observed.targets()) {
      ScalingChange change = new ScalingChange.Deregister(target.resourceId(), target.scalableDimension());
      scaling.apply(change);
      session.changed(api, reason(change), describe(change));
    }
  }

  private static String tableName(ServerlessApi api) {
    return new AwsNames(api.getMetadata().getName(), api.getSpec().getEnvironment()).table();
  }

  private static String reason(ScalingChange change) {
    if (change instanceof ScalingChange.Register) {
      return "RegisteredScalableTarget";
    }
    return change instanceof ScalingChange.PutPolicy ? "PutScalingPolicy" : "DeregisteredScalableTarget";
  }

  private static String describe(ScalingChange change) {
    if (change instanceof ScalingChange.Register register) {
      ScalingTarget t = register.target();
      return t.resourceId() + " " + t.scalableDimension() + ": capacity " + t.minCapacity() + "-" + t.maxCapacity();
    }
    if (change instanceof ScalingChange.PutPolicy put) {
      ScalingTarget t = put.target();
      return t.resourceId() + " " + t.scalableDimension() + ": policy " + t.policyName() + " tracks "
          + t.metricType() + " at " + t.targetValue() + "%";
    }
    ScalingChange.Deregister deregister = (ScalingChange.Deregister) change;
    return deregister.resourceId() + " " + deregister.scalableDimension() + ": no longer autoscaled";
  }
}
