package dev.tap.operator.table;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AwsFailures;
import dev.tap.operator.workflow.AwsSession;
import dev.tap.operator.aws.RetryLaterException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;

/**
 * Takes the one step {@link TableDelta} named, with one Event per change, and answers the outcome of
 * the reconcile: after a create, the table as created. Every step but a create has an observed table.
 */
final class TableSteps implements TableAction.Visitor<TableOutcome> {

  /** After a refused decrease the quota's next time is read again this soon. */
  private static final Duration RECHECK_REFUSED_DECREASE = Duration.ofMinutes(1);
  /**
   * After a CreateTable refused for DynamoDB's limit of tables changing at once, look again this soon:
   * the tables in flight settle in seconds, while a backoff would grow to minutes.
   */
  private static final Duration RECHECK_TABLES_IN_FLIGHT = Duration.ofSeconds(5);

  private final ServerlessApi api;
  private final AwsSession session;
  private final TableService tables;
  private final DesiredTable desired;
  private final TableOutcome outcome;

  TableSteps(ServerlessApi api, AwsSession session, TableService tables, DesiredTable desired, TableOutcome outcome) {
    this.api = api;
    this.session = session;
    this.tables = tables;
    this.desired = desired;
    this.outcome = outcome;
  }

  @Override
  public TableOutcome inSync(TableAction.InSync action) {
    return outcome;
  }

  @Override
  public TableOutcome waitFor(TableAction.Wait action) {
    return outcome;
  }

  @Override
  public TableOutcome blocked(TableAction.Blocked action) {
    return outcome;
  }

  @Override
  public TableOutcome create(TableAction.Create action) {
    ObservedTable created;
    try {
      created = tables.create(desired);
    } catch (LimitExceededException e) {
      // "... can be created[, updated, or deleted] simultaneously": the account's tables in flight, which
      // settle; not "There is a limit of N tables per subscriber", which only a quota increase lifts.
      if (!e.getMessage().contains("simultaneously")) {
        throw e;
      }
      throw new RetryLaterException("table " + desired.name() + " waits: DynamoDB's limit of tables being created at"
          + " once in the account was reached; looking again in " + RECHECK_TABLES_IN_FLIGHT.toSeconds() + " s: "
          + AwsFailures.describe(e), RECHECK_TABLES_IN_FLIGHT);
    }
    session.changed(api, "CreatedTable", "created DynamoDB table " + desired.name() + " with "
        + desired.indexes().size() + " index(es), capacity " + desired.capacity().read() + "/" + desired.capacity().write());
    return new TableOutcome(created, action);
  }

  @Override
  public TableOutcome update(TableAction.Update update) {
    ObservedTable table = outcome.observed();
    Instant now = session.clock().instant();
    Optional<String> overQuota = decreaseOverQuota(table, update, now);
    if (overQuota.isPresent()) {
      throw decreaseRefused(overQuota.get(), table.decreasesOf(overQuota.get()).nextAllowed(now).orElseThrow(), now);
    }
    try {
      tables.update(table.name(), update);
    } catch (LimitExceededException e) {
      if (!e.getMessage().contains("decrease")) {
        throw e;
      }
      // Someone else (the autoscaler) decreased meanwhile: the next read shows when.
      throw new RetryLaterException("table " + table.name() + ": DynamoDB refused a capacity decrease: "
          + AwsFailures.describe(e), RECHECK_REFUSED_DECREASE);
    }
    session.changed(api, "UpdatedTable", "table " + table.name() + ": " + update.description());
    return outcome;
  }

  @Override
  public TableOutcome createIndex(TableAction.CreateIndex create) {
    tables.createIndex(name(), create);
    session.changed(api, "AddedIndex", "table " + name() + ": adding index " + create.index().name());
    return outcome;
  }

  @Override
  public TableOutcome deleteIndex(TableAction.DeleteIndex delete) {
    tables.deleteIndex(name(), delete.indexName());
    session.changed(api, "RemovedIndex", "table " + name() + ": removing index " + delete.indexName());
    return outcome;
  }

  @Override
  public TableOutcome setPointInTimeRecovery(TableAction.SetPointInTimeRecovery pitr) {
    tables.setPointInTimeRecovery(name(), pitr.enabled());
    session.changed(api, "UpdatedBackups", "table " + name() + ": point-in-time recovery "
        + (pitr.enabled() ? "enabled" : "disabled"));
    return outcome;
  }

  @Override
  public TableOutcome tag(TableAction.Tag tag) {
    tables.tag(outcome.observed().arn(), tag.tags());
    session.changed(api, tag.adopting() ? "AdoptedTable" : "TaggedTable", "table " + name() + ": tagged "
        + tag.tags().entrySet().stream().map(t -> t.getKey() + "=" + t.getValue()).collect(Collectors.joining(", ")));
    return outcome;
  }

  private String name() {
    return outcome.observed().name();
  }

  /** The table or index (by name) whose capacity this update decreases while its daily quota has no room. */
  private static Optional<String> decreaseOverQuota(ObservedTable table, TableAction.Update update, Instant now) {
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
}
