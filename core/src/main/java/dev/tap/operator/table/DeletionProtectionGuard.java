package dev.tap.operator.table;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.api.v1alpha1.ServerlessApiStatus;
import dev.tap.operator.aws.DeletionPendingException;
import dev.tap.operator.workflow.AwsSession;
import dev.tap.operator.aws.TerminalException;
import dev.tap.operator.naming.Ownership;
import dev.tap.operator.workflow.AwsDependent;
import dev.tap.operator.workflow.DependentOutcome;
import dev.tap.operator.workflow.InventoryItem;
import java.util.List;
import java.util.Optional;

/**
 * Stands last in the workflow so that it is the first to run when the resource is deleted: if our
 * table has deletion protection and the spec does not turn it off, deleting the rest would take the
 * API down while the data stays, so it refuses and JOSDK deletes nothing else. Owns nothing in AWS
 * and does nothing in a reconcile.
 */
public final class DeletionProtectionGuard extends AwsDependent<DeletionProtectionGuard.Outcome> {

  /** Always ready: the guard only acts on deletion. */
  public record Outcome() implements DependentOutcome {
    @Override
    public boolean ready() {
      return true;
    }

    @Override
    public String progress() {
      return "";
    }

    @Override
    public void writeStatus(ServerlessApiStatus status) {
      // Nothing of its own to show.
    }
  }

  public DeletionProtectionGuard() {
    super(Outcome.class);
  }

  @Override
  protected Outcome sync(ServerlessApi api, AwsSession session) {
    return new Outcome();
  }

  @Override
  protected void cleanup(ServerlessApi api, AwsSession session) {
    DesiredTable desired = TableDesiredBuilder.build(api);
    Optional<ObservedTable> observed = TableService.observeOnce(session, desired.name());
    observed.ifPresent(table -> waitForItsTags(desired, table));
    observed.filter(table -> Ownership.ours(table.tags(), desired.owner()))
        .ifPresent(table -> refuseIfProtected(desired, table));
  }

  /**
   * A table still CREATING shows no tags, so whose it is (and so whether it may be deleted, and whether
   * its protection forbids deleting the rest) is known only once it is ACTIVE: the deletion waits.
   * Found by random lives: a deletion that came right after CreateTable took our table for someone
   * else's and left it behind.
   */
  static void waitForItsTags(DesiredTable desired, ObservedTable table) {
    if ("CREATING".equals(table.status())) {
      throw new DeletionPendingException("waiting for DynamoDB to finish creating table " + desired.name()
          + " before deleting it");
    }
  }

  /** Throws ACK.Terminal when the table is protected and the spec does not turn protection off. */
  static void refuseIfProtected(DesiredTable desired, ObservedTable table) {
    if (table.deletionProtection() && !Boolean.FALSE.equals(desired.deletionProtection())) {
      throw new TerminalException("DeletionProtected", "table " + desired.name() + " has deletion protection on, so"
          + " nothing was deleted; set spec.table.deletionProtection: false to delete everything, or deletionPolicy:"
          + " Retain to keep it all");
    }
  }

  @Override
  public List<InventoryItem> inventory(ServerlessApi api, AwsSession session) {
    return List.of();
  }
}
