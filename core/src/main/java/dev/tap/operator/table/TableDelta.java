package dev.tap.operator.table;

import dev.tap.operator.aws.AdoptionPolicy;
import dev.tap.operator.naming.OwnerTags;
import dev.tap.operator.naming.Ownership;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares the desired and the observed table and names the one next change, in a fixed order:
 * create; wait for creation; ownership; wait while anything settles; throughput and deletion protection; drop an
 * index; add an index; point-in-time recovery; tags. Pure: no I/O.
 */
public final class TableDelta {

  private TableDelta() {}

  public static TableAction next(DesiredTable desired, Optional<ObservedTable> maybeObserved, AdoptionPolicy adoption) {
    if (maybeObserved.isEmpty()) {
      return adoption.creates() ? new TableAction.Create(desired) : new TableAction.Blocked("NothingToAdopt",
          "table " + desired.name() + " does not exist, and the adoption policy 'adopt' only takes over existing"
              + " resources; use services.k8s.aws/adoption-policy: adopt-or-create to create it");
    }
    ObservedTable observed = maybeObserved.get();
    if ("CREATING".equals(observed.status())) {
      // Its tags can only be read once it exists; nothing is written to it before then.
      return new TableAction.Wait("table " + observed.name() + " is CREATING");
    }
    Ownership ownership = Ownership.of(observed.tags(), desired.owner(), adoption);
    Optional<TableAction> notOurs = switch (ownership.kind()) {
      case OURS -> Optional.empty();
      case FOREIGN -> Optional.of(new TableAction.Blocked("OwnedByAnother", "table " + desired.name() + " belongs to "
          + ownership.owner() + " (tag " + OwnerTags.OWNER + "), not to " + desired.owner()));
      case UNTAGGED -> Optional.of(new TableAction.Blocked("NotOwned", "table " + desired.name() + " exists without"
          + " the tag " + OwnerTags.OWNER + "=" + desired.owner() + "; it is left untouched. To manage it, annotate the"
          + " resource with services.k8s.aws/adoption-policy: adopt"));
      case ADOPTABLE -> Optional.of(new TableAction.Tag(desired.tags(), true));
    };
    if (notOurs.isPresent()) {
      return notOurs.get();
    }
    if (!observed.isActive()) {
      return new TableAction.Wait("table " + observed.name() + " is " + observed.status());
    }
    Optional<ObservedIndex> settling = observed.indexes().stream().filter(i -> !i.isActive()).findFirst();
    if (settling.isPresent()) {
      return new TableAction.Wait("index " + settling.get().name() + " is " + settling.get().status());
    }
    if (!desired.partitionKey().equals(observed.partitionKey())) {
      return new TableAction.Blocked("KeySchemaMismatch", "table " + observed.name() + " has partition key "
          + observed.partitionKey() + ", the spec says " + desired.partitionKey() + "; DynamoDB cannot change it");
    }
    for (DesiredIndex index : desired.indexes()) {
      Optional<ObservedIndex> existing = observed.index(index.name());
      if (existing.isPresent() && !sameShape(index, existing.get())) {
        return new TableAction.Blocked("IndexMismatch", "index " + index.name() + " exists with other keys or"
            + " projection than the spec; DynamoDB cannot change them: give the index a new name");
      }
    }
    return throughputAndProtection(desired, observed)
        .or(() -> indexToDrop(desired, observed))
        .or(() -> indexToAdd(desired, observed))
        .or(() -> pointInTimeRecovery(desired, observed))
        .or(() -> tags(desired, observed))
        .orElseGet(TableAction.InSync::new);
  }

  private static Optional<TableAction> throughputAndProtection(DesiredTable desired, ObservedTable observed) {
    StringBuilder what = new StringBuilder();
    Long read = null;
    Long write = null;
    long wantRead = desired.capacity().readGiven(observed.read());
    long wantWrite = desired.capacity().writeGiven(observed.write());
    if (wantRead != observed.read() || wantWrite != observed.write()) {
      read = wantRead;
      write = wantWrite;
      what.append("table capacity ").append(observed.read()).append('/').append(observed.write())
          .append(" -> ").append(wantRead).append('/').append(wantWrite);
    }
    Map<String, long[]> indexThroughput = new LinkedHashMap<>();
    for (DesiredIndex index : desired.indexes()) {
      observed.index(index.name()).ifPresent(current -> {
        long r = index.capacity().readGiven(current.read());
        long w = index.capacity().writeGiven(current.write());
        if (r != current.read() || w != current.write()) {
          indexThroughput.put(index.name(), new long[] {r, w});
          what.append(what.isEmpty() ? "" : ", ").append("index ").append(index.name()).append(" capacity ")
              .append(current.read()).append('/').append(current.write()).append(" -> ").append(r).append('/').append(w);
        }
      });
    }
    Boolean protection = null;
    if (desired.deletionProtection() != null && desired.deletionProtection() != observed.deletionProtection()) {
      protection = desired.deletionProtection();
      what.append(what.isEmpty() ? "" : ", ").append("deletion protection ").append(protection ? "on" : "off");
    }
    if (what.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TableAction.Update(read, write, Map.copyOf(indexThroughput), protection, what.toString()));
  }

  private static Optional<TableAction> indexToDrop(DesiredTable desired, ObservedTable observed) {
    return observed.indexes().stream()
        .filter(i -> desired.indexes().stream().noneMatch(d -> d.name().equals(i.name())))
        .findFirst().map(i -> new TableAction.DeleteIndex(i.name()));
  }

  private static Optional<TableAction> indexToAdd(DesiredTable desired, ObservedTable observed) {
    return desired.indexes().stream().filter(d -> observed.index(d.name()).isEmpty())
        .findFirst().map(d -> new TableAction.CreateIndex(d, desired.partitionKey()));
  }

  private static Optional<TableAction> pointInTimeRecovery(DesiredTable desired, ObservedTable observed) {
    Boolean wanted = desired.pointInTimeRecovery();
    if (wanted == null || wanted.equals(observed.pointInTimeRecovery())) {
      return Optional.empty();
    }
    return Optional.of(new TableAction.SetPointInTimeRecovery(wanted));
  }

  private static Optional<TableAction> tags(DesiredTable desired, ObservedTable observed) {
    Map<String, String> missing = new LinkedHashMap<>();
    desired.tags().forEach((key, value) -> {
      if (!value.equals(observed.tags().get(key))) {
        missing.put(key, value);
      }
    });
    return missing.isEmpty() ? Optional.empty() : Optional.of(new TableAction.Tag(Map.copyOf(missing), false));
  }

  private static boolean sameShape(DesiredIndex desired, ObservedIndex observed) {
    return desired.partitionKey().equals(observed.partitionKey())
        && Objects.equals(desired.sortKey(), observed.sortKey())
        && desired.projectionType().equals(observed.projectionType());
  }
}
