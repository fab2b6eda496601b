package dev.tap.operator.table;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AwsFailures;
import dev.tap.operator.aws.AwsServices;
import dev.tap.operator.aws.AwsSession;
import dev.tap.operator.aws.DeletionPendingException;
import dev.tap.operator.aws.RetryLaterException;
import dev.tap.operator.naming.Ownership;
import dev.tap.operator.workflow.AwsDependent;
import dev.tap.operator.workflow.InventoryItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;

/**
 * The DynamoDB table of a ServerlessApi. Each reconcile reads the table from AWS, asks
 * {@link TableDelta} for the one next change, and makes it; the workflow runs it again until the
 * table is in sync. Waiting is a reschedule, never a blocked thread.
 */
public final class TableDependent extends AwsDependent<TableOutcome> {

  /** After a refused decrease the quota's next time is read again this soon. */
  private static final Duration RECHECK_REFUSED_DECREASE = Duration.ofMinutes(1);

  public TableDependent() {
    super(TableOutcome.class);
  }

  @Override
  protected TableOutcome sync(ServerlessApi api, AwsSession session) {
    TableService tables = new TableService(session.client(AwsServices.DYNAMODB));
    DesiredTable desired = TableDesiredBuilder.build(api);
    Optional<ObservedTable> observed = tables.observe(desired.name(), desired.pointInTimeRecovery() != null);
    TableAction action = TableDelta.next(desired, observed, session.adoption());
    TableOutcome outcome = new TableOutcome(observed.orElse(null), action);
    report(session, outcome);
    if (action instanceof TableAction.Create) {
      ObservedTable created = tables.create(desired);
      session.changed(api, "CreatedTable", "created DynamoDB table " + desired.name() + " with "
          + desired.indexes().size() + " index(es), capacity " + desired.capacity().read() + "/" + desired.capacity().write());
      return new TableOutcome(created, action);
    }
    if (observed.isPresent() && !(action instanceof TableAction.Wait || action instanceof TableAction.InSync
        || action instanceof TableAction.Blocked)) {
      apply(api, session, tables, observed.get(), action);
    }
    return outcome;
  }

  private static void apply(ServerlessApi api, AwsSession session, TableService tables, ObservedTable table,
      TableAction action) {
    String name = table.name();
    if (action instanceof TableAction.Update update) {
      Instant now = session.clock().instant();
      Optional<String> overQuota = decreaseOverQuota(table, update, now);
      if (overQuota.isPresent()) {
        throw decreaseRefused(overQuota.get(), table.decreasesOf(overQuota.get()).nextAllowed(now).orElseThrow(), now);
      }
      try {
        tables.update(name, update);
      } catch (LimitExceededException e) {
        if (!e.getMessage().contains("decrease")) {
          throw e;
        }
        // Someone else (the autoscaler) decreased meanwhile: the next read shows when.
        throw new RetryLaterException("table " + name + ": DynamoDB refused a capacity decrease: "
            + AwsFailures.describe(e), RECHECK_REFUSED_DECREASE);
      }
      session.changed(api, "UpdatedTable", "table " + name + ": " + update.description());
    } else if (action instanceof TableAction.CreateIndex create) {
      tables.createIndex(name, create);
      session.changed(api, "AddedIndex", "table " + name + ": adding index " + create.index().name());
    } else if (action instanceof TableAction.DeleteIndex delete) {
      tables.deleteIndex(name, delete.indexName());
      session.changed(api, "RemovedIndex", "table " + name + ": removing index " + delete.indexName());
    } else if (action instanceof TableAction.SetPointInTimeRecovery pitr) {
      tables.setPointInTimeRecovery(name, pitr.enabled());
      session.changed(api, "UpdatedBackups", "table " + name + ": point-in-time recovery "
          + (pitr.enabled() ? "enabled" : "disabled"));
    } else if (action instanceof TableAction.Tag tag) {
      tables.tag(table.arn(), tag.tags());
      session.changed(api, tag.adopting() ? "AdoptedTable" : "TaggedTable", "table " + name + ": tagged "
          + tag.tags().entrySet().stream().map(t -> t.getKey() + "=" + t.getValue()).collect(Collectors.joining(", ")));
    }
  }

  /** The table or index (by name) whose capacity this update decreases while its daily quota has no room. */
  static Optional<String> decreaseOverQuota(ObservedTable table, TableAction.Update update, Instant now) {
    List<String> decreased = new ArrayList<>();
    if ((update.read() != null && update.read() < table.read()) || (update.write() != null && update.write() < table.write())) {
      decreased.add(table.name());
    }
    update.indexThroughput().forEach((index, throughput) -> table.index(index)
        .filter(observed -> throughput[0] < observed.read() || throughput[1] < observed.write())
        .ifPresent(observed -> decreased.add(index)));
    return decreased.stream().filter(part -> table.decreasesOf(part).nextAllowed(now).isPresent()).findFirst();
  }

  private static RetryLaterException decreaseRefused(String part, Instant next, Instant now) {
    return new RetryLaterException("capacity decrease of " + part + " waits for DynamoDB's quota of decreases per UTC"
        + " day (4, then one an hour); the next is possible at " + next, Duration.between(now, next));
  }

  /**
   * Deletes the table unless it is not ours, and waits until DynamoDB has removed it. Protection was
   * checked by {@link DeletionProtectionGuard} before anything was deleted; it is switched off here
   * only because the spec itself turned it off.
   */
  @Override
  protected void cleanup(ServerlessApi api, AwsSession session) {
    DesiredTable desired = TableDesiredBuilder.build(api);
    Optional<ObservedTable> observed = TableService.observeOnce(session, desired.name());
    if (observed.isEmpty()) {
      return;
    }
    ObservedTable table = observed.get();
    if (!Ownership.ours(table.tags(), desired.owner())) {
      session.changed(api, "RetainedTable", "table " + desired.name() + " is not owned by " + desired.owner()
          + "; left in place");
      return;
    }
    if (!"DELETING".equals(table.status())) {
      TableService tables = new TableService(session.client(AwsServices.DYNAMODB));
      DeletionProtectionGuard.refuseIfProtected(desired, table);
      if (table.deletionProtection()) {
        tables.update(desired.name(), new TableAction.Update(null, null, Map.of(), false, "deletion protection off"));
        session.changed(api, "UpdatedTable", "table " + desired.name() + ": deletion protection off, as the spec says");
      }
      tables.delete(desired.name());
      session.changed(api, "DeletedTable", "deleted DynamoDB table " + desired.name());
    }
    throw new DeletionPendingException("waiting for DynamoDB to delete table " + desired.name());
  }

  @Override
  public List<InventoryItem> inventory(ServerlessApi api, AwsSession session) {
    String name = TableDesiredBuilder.build(api).name();
    Optional<ObservedTable> observed = new TableService(session.client(AwsServices.DYNAMODB)).observe(name, false);
    if (observed.isEmpty()) {
      return List.of();
    }
    ObservedTable table = observed.get();
    List<InventoryIndex> indexes = table.indexes().stream()
        .map(i -> new InventoryIndex(i.name(), i.status(), i.read(), i.write())).toList();
    List<String> lines = new ArrayList<>();
    lines.add("table " + name + " (" + session.region() + ")  " + table.status() + "  capacity " + table.read() + "/"
        + table.write() + (table.deletionProtection() ? "  deletion-protected" : ""));
    indexes.forEach(i -> lines.add("  index " + i.name() + "  " + i.status() + "  capacity " + i.read() + "/" + i.write()));
    return List.of(new InventoryItem("tables", new InventoryTable(session.region(), name, table.status(), table.read(),
        table.write(), table.deletionProtection(), indexes), lines));
  }

  /** The table in the sandbox's JSON inventory. */
  public record InventoryTable(String region, String name, String status, long read, long write,
      boolean deletionProtection, List<InventoryIndex> indexes) {}

  /** An index in the sandbox's JSON inventory. */
  public record InventoryIndex(String name, String status, long read, long write) {}
}
