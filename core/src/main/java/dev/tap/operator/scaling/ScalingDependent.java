package dev.tap.operator.scaling;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AwsFailures;
import dev.tap.operator.aws.AwsServices;
import dev.tap.operator.aws.TerminalException;
import dev.tap.operator.workflow.AwsSession;
import dev.tap.operator.naming.AwsNames;
import dev.tap.operator.naming.OwnerTags;
import dev.tap.operator.naming.Ownership;
import dev.tap.operator.table.ObservedIndex;
import dev.tap.operator.table.ObservedTable;
import dev.tap.operator.table.TableOutcome;
import dev.tap.operator.table.TableService;
import dev.tap.operator.workflow.AwsDependent;
import dev.tap.operator.workflow.InventoryItem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.applicationautoscaling.model.LimitExceededException;

/**
 * Application Auto Scaling of the table and its indexes. Runs once the table is ready; makes every
 * change in one pass. It owns the bounds and policies; the capacity inside them is the scaler's.
 */
public final class ScalingDependent extends AwsDependent<ScalingOutcome> {

  public ScalingDependent() {
    super(ScalingOutcome.class);
  }

  @Override
  protected ScalingOutcome sync(ServerlessApi api, AwsSession session) {
    ScalingService scaling = new ScalingService(session.client(AwsServices.APPLICATION_AUTO_SCALING));
    List<ScalingTarget> desired = ScalingDesiredBuilder.build(api);
    Optional<ObservedTable> table = session.outcomes().find(TableOutcome.class).map(TableOutcome::observed);
    ObservedScaling observed = scaling.observe(resourceIds(api, table));
    List<ScalingChange> changes = ScalingDelta.changes(desired, observed);
    ScalingOutcome outcome = new ScalingOutcome(observed, desired, changes);
    report(session, outcome);
    for (ScalingChange change : changes) {
      try {
        scaling.apply(change);
      } catch (LimitExceededException e) {
        if (change instanceof ScalingChange.Register register) {
          throw targetQuotaReached(register.target(), session.region(), e);
        }
        throw e;
      }
      session.changed(api, reason(change), describe(change));
    }
    return outcome;
  }

  /**
   * A new target refused for the account's quota of scalable targets: waiting does not end it, a
   * quota increase (or targets deregistered elsewhere) does, so a human must act. Terminal, which is
   * still looked at again at each resync.
   */
  private static TerminalException targetQuotaReached(ScalingTarget target, String region, LimitExceededException e) {
    return new TerminalException("ScalableTargetQuota", "scalable target " + target.resourceId() + " "
        + target.scalableDimension() + " cannot be registered: the account's quota of Application Auto Scaling"
        + " scalable targets for DynamoDB in " + region + " is used up (5,000 by default); raise it in Service Quotas"
        + " or free targets: " + AwsFailures.describe(e));
  }

  /** Deregisters the targets of our table; those of a same-named table someone else owns are left alone. */
  @Override
  protected void cleanup(ServerlessApi api, AwsSession session) {
    Optional<ObservedTable> table = TableService.observeOnce(session, tableName(api));
    String owner = OwnerTags.owner(api);
    if (table.map(t -> !Ownership.ours(t.tags(), owner)).orElse(false)) {
      return;
    }
    ScalingService scaling = new ScalingService(session.client(AwsServices.APPLICATION_AUTO_SCALING));
    for (ObservedScaling.Target target : scaling.observe(resourceIds(api, table)).targets()) {
      ScalingChange change = new ScalingChange.Deregister(target.resourceId(), target.scalableDimension());
      scaling.apply(change);
      session.changed(api, reason(change), describe(change));
    }
  }

  @Override
  public List<InventoryItem> inventory(ServerlessApi api, AwsSession session) {
    ScalingService scaling = new ScalingService(session.client(AwsServices.APPLICATION_AUTO_SCALING));
    ObservedScaling observed = scaling.observe(resourceIds(api, Optional.empty()));
    return observed.targets().stream().map(target -> {
      Optional<ObservedScaling.Policy> policy = observed.policyOf(target);
      InventoryTarget item = new InventoryTarget(session.region(), target.resourceId(), target.scalableDimension(),
          target.minCapacity(), target.maxCapacity(), policy.map(ObservedScaling.Policy::policyName).orElse(null),
          policy.map(ObservedScaling.Policy::targetValue).orElse(null));
      String line = "scaling " + item.resourceId() + " " + item.dimension() + "  " + item.min() + "-" + item.max()
          + (item.policy() == null ? "  (no policy)" : "  " + item.policy() + " at " + item.target() + "%");
      return new InventoryItem("targets", item, List.of(line));
    }).toList();
  }

  /** A scalable target in the sandbox's JSON inventory. */
  public record InventoryTarget(String region, String resourceId, String dimension, int min, int max, String policy,
      Double target) {}

  /**
   * The resource ids whose targets are ours to read: the table and every index the spec names or the
   * table holds (an index leaving the spec keeps its targets until they are deregistered).
   */
  private static List<String> resourceIds(ServerlessApi api, Optional<ObservedTable> table) {
    String tableId = ScalingDesiredBuilder.tableResourceId(tableName(api));
    Set<String> ids = new LinkedHashSet<>();
    ids.add(tableId);
    if (api.getSpec().getTable().getGlobalSecondaryIndexes() != null) {
      api.getSpec().getTable().getGlobalSecondaryIndexes().forEach(i -> ids.add(tableId + "/index/" + i.getIndexName()));
    }
    table.ifPresent(t -> t.indexes().stream().map(ObservedIndex::name).forEach(i -> ids.add(tableId + "/index/" + i)));
    return List.copyOf(ids);
  }

  private static String tableName(ServerlessApi api) {
    return AwsNames.of(api).table();
  }

  private static String reason(ScalingChange change) {
    return change.accept(new ScalingChange.Visitor<String>() {
      @Override
      public String register(ScalingChange.Register register) {
        return "RegisteredScalableTarget";
      }

      @Override
      public String putPolicy(ScalingChange.PutPolicy put) {
        return "PutScalingPolicy";
      }

      @Override
      public String deregister(ScalingChange.Deregister deregister) {
        return "DeregisteredScalableTarget";
      }
    });
  }

  private static String describe(ScalingChange change) {
    return change.accept(new ScalingChange.Visitor<String>() {
      @Override
      public String register(ScalingChange.Register register) {
        ScalingTarget t = register.target();
        return t.resourceId() + " " + t.scalableDimension() + ": capacity " + t.minCapacity() + "-" + t.maxCapacity();
      }

      @Override
      public String putPolicy(ScalingChange.PutPolicy put) {
        ScalingTarget t = put.target();
        return t.resourceId() + " " + t.scalableDimension() + ": policy " + t.policyName() + " tracks "
            + t.metricType() + " at " + t.targetValue() + "%";
      }

      @Override
      public String deregister(ScalingChange.Deregister deregister) {
        return deregister.resourceId() + " " + deregister.scalableDimension() + ": no longer autoscaled";
      }
    });
  }
}
