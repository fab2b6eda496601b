package dev.tap.operator.table;

import dev.tap.operator.api.v1alpha1.AckResourceMetadata;
import dev.tap.operator.api.v1alpha1.IndexStatus;
import dev.tap.operator.api.v1alpha1.ServerlessApiStatus;
import dev.tap.operator.api.v1alpha1.TableStatus;
import dev.tap.operator.workflow.DependentOutcome;
import java.util.Optional;

/**
 * What the table dependent saw and did in this reconcile: the table as observed (after a create, as
 * created; null when there is none), and the one action taken or waited for.
 */
public record TableOutcome(ObservedTable observed, TableAction action) implements DependentOutcome {

  /** Ready when this reconcile found it in sync: ACTIVE, every index ACTIVE, nothing to change. */
  @Override
  public boolean ready() {
    return action instanceof TableAction.InSync;
  }

  @Override
  public String progress() {
    if (action instanceof TableAction.Wait wait) {
      return "waiting: " + wait.reason();
    }
    if (action instanceof TableAction.Create) {
      return "creating the table";
    }
    return ready() ? "the table is in sync" : "applying changes to the table";
  }

  @Override
  public Optional<String> adopted() {
    return action instanceof TableAction.Tag tag && tag.adopting() && observed != null
        ? Optional.of("table " + observed.name()) : Optional.empty();
  }

  @Override
  public Optional<Blocked> blocked() {
    return action instanceof TableAction.Blocked blocked
        ? Optional.of(new Blocked(blocked.reason(), blocked.message())) : Optional.empty();
  }

  /** {@code status.table}, and the account and region of {@code status.ackResourceMetadata} from the table's ARN. */
  @Override
  public void writeStatus(ServerlessApiStatus status) {
    if (observed == null) {
      return;
    }
    TableStatus table = new TableStatus();
    table.setName(observed.name());
    table.setArn(observed.arn());
    table.setStatus(observed.status());
    table.setReadCapacity(observed.read());
    table.setWriteCapacity(observed.write());
    table.setIndexes(observed.indexes().stream().map(i -> {
      IndexStatus index = new IndexStatus();
      index.setIndexName(i.name());
      index.setStatus(i.status());
      index.setReadCapacity(i.read());
      index.setWriteCapacity(i.write());
      return index;
    }).toList());
    status.setTable(table);
    AckResourceMetadata metadata = new AckResourceMetadata();
    metadata.setOwnerAccountID(observed.accountId());
    metadata.setRegion(observed.region());
    status.setAckResourceMetadata(metadata);
  }
}
