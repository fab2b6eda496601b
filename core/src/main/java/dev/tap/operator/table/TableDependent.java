package dev.tap.operator.table;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AwsServices;
import dev.tap.operator.workflow.AwsSession;
import dev.tap.operator.aws.DeletionPendingException;
import dev.tap.operator.naming.Ownership;
import dev.tap.operator.workflow.AwsDependent;
import dev.tap.operator.workflow.InventoryItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The DynamoDB table of a ServerlessApi. Each reconcile reads the table from AWS, asks
 * {@link TableDelta} for the one next change, and {@link TableSteps} makes it; the workflow runs it
 * again until the table is in sync. Waiting is a reschedule, never a blocked thread.
 */
public final class TableDependent extends AwsDependent<TableOutcome> {

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
    return action.accept(new TableSteps(api, session, tables, desired, outcome));
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
    DeletionProtectionGuard.waitForItsTags(desired, table);
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
