package dev.tap.operator.aws.simulated.dynamodb;

import dev.tap.operator.aws.simulated.AwsErrors;
import dev.tap.operator.aws.simulated.Deadlines;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.aws.simulated.autoscaling.ScalableCapacity;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * DynamoDB's control plane for PROVISIONED tables in one region, as the DynamoDB API Reference
 * describes it: the tables and indexes, their state machine (busy things settle after the account's
 * change delay), and the rules each operation enforces, in the order the reference states them.
 * {@link SimulatedDynamoDb} maps SDK requests and responses onto it.
 */
public final class DynamoDbState implements ScalableCapacity {

  private static final String SERVICE = SimulatedAws.DYNAMODB;
  /** Table and index names: 3-255 characters of a-z, A-Z, 0-9, '_', '-', '.'. */
  private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_.-]{3,255}$");
  /** Up to 20 global secondary indexes per table (default quota). */
  private static final int MAX_INDEXES = 20;
  /** Tables in CREATING, UPDATING or DELETING at once, per account and region (Developer Guide, limits). */
  static final int MAX_IN_FLIGHT = 500;
  /** Tables created with secondary indexes in CREATING at once, per account and region (LimitExceededException). */
  public static final int MAX_CREATING_WITH_INDEXES = 250;
  /** Up to 50 tags per resource. */
  private static final int MAX_TAGS = 50;

  private final String region;
  private final SimulatedAws aws;
  private final Map<String, Table> tables = new TreeMap<>();
  /** The tables with a change in flight (theirs or an index's), by when it settles: all that settling looks at. */
  private final Deadlines<Table> changing = new Deadlines<>();
  /** The tables not ACTIVE, as {@link #MAX_IN_FLIGHT} counts them, kept as their status changes. */
  private final Set<Table> inFlight = new HashSet<>();
  /** Of those, the ones CREATING with secondary indexes, as {@link #MAX_CREATING_WITH_INDEXES} counts them. */
  private final Set<Table> creatingWithIndexes = new HashSet<>();

  DynamoDbState(String region, SimulatedAws aws) {
    this.region = region;
    this.aws = aws;
  }

  /** One index of a table. */
  static final class Index {
    final String name;
    final List<KeySchemaElement> keySchema;
    final Projection projection;
    long read;
    long write;
    IndexStatus status;
    Instant settlesAt;
    final CapacityDecreases decreases = new CapacityDecreases();

    Index(String name, List<KeySchemaElement> keySchema, Projection projection, long read, long write) {
      this.name = name;
      this.keySchema = List.copyOf(keySchema);
      this.projection = projection;
      this.read = read;
      this.write = write;
    }
  }

  /** One table and everything DynamoDB keeps about it. */
  static final class Table {
    final String name;
    final String arn;
    final Instant created;
    final List<KeySchemaElement> keySchema;
    final Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
    final Map<String, Index> indexes = new LinkedHashMap<>();
    final Map<String, String> tags = new LinkedHashMap<>();
    TableStatus status;
    Instant settlesAt;
    long read;
    long write;
    boolean deletionProtection;
    boolean pointInTimeRecovery;
    final CapacityDecreases decreases = new CapacityDecreases();

    Table(String name, String arn, Instant created, List<KeySchemaElement> keySchema) {
      this.name = name;
      this.arn = arn;
      this.created = created;
      this.keySchema = List.copyOf(keySchema);
    }
  }

  // ---- CreateTable: a new table is CREATING, then ACTIVE. -------------------------------------

  synchronized Table createTable(String name, BillingMode billingMode, ProvisionedThroughput provisioned,
      List<KeySchemaElement> keySchema, List<AttributeDefinition> attributeDefinitions,
      List<GlobalSecondaryIndex> globalSecondaryIndexes, Map<String, String> tags, Boolean deletionProtection) {
    settle();
    checkInFlight();
    if (!globalSecondaryIndexes.isEmpty()) {
      checkCreatingWithIndexes();
    }
    checkName(name, "TableName");
    if (tables.containsKey(name)) {
      throw inUse("Table already exists: " + name);
    }
    if (billingMode == BillingMode.PAY_PER_REQUEST) {
      throw validation("this simulation models PROVISIONED tables only");
    }
    ProvisionedThroughput throughput = requireThroughput(provisioned, "table");
    checkKeysDefined(keySchema, attributeDefinitions);
    if (globalSecondaryIndexes.size() > MAX_INDEXES) {
      throw limit("Too many global secondary indexes: at most " + MAX_INDEXES);
    }
    Set<String> used = keyAttributes(keySchema);
    for (GlobalSecondaryIndex index : globalSecondaryIndexes) {
      checkName(index.indexName(), "IndexName");
      checkKeysDefined(index.keySchema(), attributeDefinitions);
      requireThroughput(index.provisionedThroughput(), "index " + index.indexName());
      used.addAll(keyAttributes(index.keySchema()));
    }
    // "Some AttributeDefinitions are not used in the KeySchema": only key attributes are defined.
    for (AttributeDefinition definition : attributeDefinitions) {
      if (!used.contains(definition.attributeName())) {
        throw validation("One or more parameter values were invalid: Some AttributeDefinitions are not used in the"
            + " KeySchema or LocalSecondaryIndexes");
      }
    }
    checkTags(tags.size());
    Table table = new Table(name, arn(name), aws.clock().instant(), keySchema);
    attributeDefinitions.forEach(d -> table.attributes.put(d.attributeName(), d));
    table.read = throughput.readCapacityUnits();
    table.write = throughput.writeCapacityUnits();
    table.deletionProtection = Boolean.TRUE.equals(deletionProtection);
    for (GlobalSecondaryIndex gsi : globalSecondaryIndexes) {
      Index index = new Index(gsi.indexName(), gsi.keySchema(), gsi.projection(),
          gsi.provisionedThroughput().readCapacityUnits(), gsi.provisionedThroughput().writeCapacityUnits());
      busy(table, index, IndexStatus.CREATING);
      table.indexes.put(index.name, index);
    }
    table.tags.putAll(tags);
    busy(table, TableStatus.CREATING);
    tables.put(name, table);
    return table;
  }

  // ---- DescribeTable, ListTables ---------------------------------------------------------------

  synchronized Table table(String name) {
    settle();
    return existing(name);
  }

  synchronized List<String> tableNames() {
    settle();
    return List.copyOf(tables.keySet());
  }

  // ---- UpdateTable: only on an ACTIVE table; one index create or delete per call; no no-ops. ---

  synchronized Table updateTable(String name, ProvisionedThroughput provisioned, List<GlobalSecondaryIndexUpdate> indexUpdates,
      List<AttributeDefinition> attributeDefinitions, Boolean deletionProtection) {
    settle();
    Table table = existing(name);
    if (table.status != TableStatus.ACTIVE) {
      throw inUse("Attempt to change a resource which is still in use: Table is being "
          + table.status.toString().toLowerCase() + ": " + table.name);
    }
    Optional<Index> busyIndex = table.indexes.values().stream().filter(i -> i.status != IndexStatus.ACTIVE).findFirst();
    if (busyIndex.isPresent()) {
      throw inUse("Attempt to change a resource which is still in use: Index " + busyIndex.get().name + " is "
          + busyIndex.get().status + " on table " + table.name);
    }
    long creates = indexUpdates.stream().filter(u -> u.create() != null).count();
    long deletes = indexUpdates.stream().filter(u -> u.delete() != null).count();
    if (creates + deletes > 1) {
      throw validation("One or more parameter values were invalid: only one global secondary index can be created or"
          + " deleted per UpdateTable");
    }
    if (creates + deletes == 1 && (provisioned != null || indexUpdates.size() > 1)) {
      throw validation("One or more parameter values were invalid: an index create or delete cannot be combined with"
          + " other changes in one UpdateTable");
    }
    if (provisioned != null || !indexUpdates.isEmpty()) {
      checkInFlight();
    }
    refuseDecreasesOverQuota(table, provisioned, indexUpdates);
    boolean changed = false;
    if (provisioned != null) {
      ProvisionedThroughput wanted = requireThroughput(provisioned, "table");
      if (wanted.readCapacityUnits() == table.read && wanted.writeCapacityUnits() == table.write) {
        throw validation("The provisioned throughput for the table will not change. The requested value equals the"
            + " current value. Current ReadCapacityUnits provisioned for the table: " + table.read
            + ". Requested ReadCapacityUnits: " + wanted.readCapacityUnits() + ". Current WriteCapacityUnits provisioned"
            + " for the table: " + table.write + ". Requested WriteCapacityUnits: " + wanted.writeCapacityUnits()
            + ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
      }
      if (wanted.readCapacityUnits() < table.read || wanted.writeCapacityUnits() < table.write) {
        table.decreases.record(aws.clock().instant());
      }
      table.read = wanted.readCapacityUnits();
      table.write = wanted.writeCapacityUnits();
      busy(table, TableStatus.UPDATING);
      changed = true;
    }
    for (GlobalSecondaryIndexUpdate update : indexUpdates) {
      changed |= applyIndexUpdate(table, update, attributeDefinitions);
    }
    if (deletionProtection != null && deletionProtection != table.deletionProtection) {
      table.deletionProtection = deletionProtection;
      changed = true;
    }
    if (!changed) {
      throw validation("One or more parameter values were invalid: the UpdateTable request changes nothing");
    }
    return table;
  }

  /**
   * At most {@link #MAX_IN_FLIGHT} tables may be changing at once in an account's region. Tables are
   * counted, not indexes: a changing index keeps its table UPDATING (or CREATING).
   */
  private void checkInFlight() {
    if (inFlight.size() >= MAX_IN_FLIGHT) {
      throw limit("Subscriber limit exceeded: Only " + MAX_IN_FLIGHT + " tables can be created, updated, or deleted"
          + " simultaneously");
    }
  }

  /** At most {@link #MAX_CREATING_WITH_INDEXES} tables with secondary indexes may be CREATING at once. */
  private void checkCreatingWithIndexes() {
    if (creatingWithIndexes.size() >= MAX_CREATING_WITH_INDEXES) {
      throw limit("Subscriber limit exceeded: You have exceeded the maximum number of indexed tables that can be"
          + " created simultaneously");
    }
  }

  /** The whole request is refused when any decrease in it is over the quota of the table or that index. */
  private void refuseDecreasesOverQuota(Table table, ProvisionedThroughput provisioned,
      List<GlobalSecondaryIndexUpdate> indexUpdates) {
    Instant now = aws.clock().instant();
    if (provisioned != null && decreases(provisioned, table.read, table.write)) {
      String refusal = table.decreases.refusal(now);
      if (refusal != null) {
        throw limit(refusal + " for table " + table.name);
      }
    }
    for (GlobalSecondaryIndexUpdate update : indexUpdates) {
      Index index = update.update() == null ? null : table.indexes.get(update.update().indexName());
      if (index != null && decreases(update.update().provisionedThroughput(), index.read, index.write)) {
        String refusal = index.decreases.refusal(now);
        if (refusal != null) {
          throw limit(refusal + " for index " + index.name + " of table " + table.name);
        }
      }
    }
  }

  private static boolean decreases(ProvisionedThroughput wanted, long read, long write) {
    return wanted != null && ((wanted.readCapacityUnits() != null && wanted.readCapacityUnits() < read)
        || (wanted.writeCapacityUnits() != null && wanted.writeCapacityUnits() < write));
  }

  private boolean applyIndexUpdate(Table table, GlobalSecondaryIndexUpdate update, List<AttributeDefinition> definitions) {
    if (update.create() != null) {
      CreateGlobalSecondaryIndexAction create = update.create();
      checkName(create.indexName(), "IndexName");
      if (table.indexes.containsKey(create.indexName())) {
        throw validation("One or more parameter values were invalid: Index already exists: " + create.indexName());
      }
      if (table.indexes.size() >= MAX_INDEXES) {
        throw limit("Too many global secondary indexes: at most " + MAX_INDEXES);
      }
      Map<String, AttributeDefinition> known = new LinkedHashMap<>(table.attributes);
      definitions.forEach(d -> known.put(d.attributeName(), d));
      checkKeysDefined(create.keySchema(), List.copyOf(known.values()));
      ProvisionedThroughput throughput = requireThroughput(create.provisionedThroughput(), "index " + create.indexName());
      Index index = new Index(create.indexName(), create.keySchema(), create.projection(),
          throughput.readCapacityUnits(), throughput.writeCapacityUnits());
      busy(table, index, IndexStatus.CREATING);
      table.indexes.put(index.name, index);
      keyAttributes(create.keySchema()).forEach(a -> table.attributes.put(a, known.get(a)));
      busy(table, TableStatus.UPDATING);
      return true;
    }
    if (update.delete() != null) {
      Index index = existingIndex(table, update.delete().indexName());
      busy(table, index, IndexStatus.DELETING);
      busy(table, TableStatus.UPDATING);
      return true;
    }
    Index index = existingIndex(table, update.update().indexName());
    ProvisionedThroughput wanted = requireThroughput(update.update().provisionedThroughput(), "index " + index.name);
    if (wanted.readCapacityUnits() == index.read && wanted.writeCapacityUnits() == index.write) {
      throw validation("The provisioned throughput for the index " + index.name + " will not change. The requested"
          + " value equals the current value.");
    }
    if (wanted.readCapacityUnits() < index.read || wanted.writeCapacityUnits() < index.write) {
      index.decreases.record(aws.clock().instant());
    }
    index.read = wanted.readCapacityUnits();
    index.write = wanted.writeCapacityUnits();
    busy(table, index, IndexStatus.UPDATING);
    busy(table, TableStatus.UPDATING);
    return true;
  }

  // ---- DeleteTable: refused while deletion protection is on, or while the table is busy. -------

  synchronized Table deleteTable(String name) {
    settle();
    Table table = existing(name);
    checkInFlight();
    if (table.deletionProtection) {
      throw validation("Resource cannot be deleted as it is currently protected against deletion. Disable deletion"
          + " protection first.");
    }
    if (table.status != TableStatus.ACTIVE) {
      throw inUse("Attempt to change a resource which is still in use: Table is being "
          + table.status.toString().toLowerCase() + ": " + table.name);
    }
    busy(table, TableStatus.DELETING);
    return table;
  }

  // ---- Tags ------------------------------------------------------------------------------------

  synchronized void tag(String arn, Map<String, String> tags) {
    settle();
    Table table = byArn(arn);
    Map<String, String> merged = new LinkedHashMap<>(table.tags);
    merged.putAll(tags);
    checkTags(merged.size());
    table.tags.putAll(merged);
  }

  synchronized void untag(String arn, List<String> keys) {
    settle();
    byArn(arn).tags.keySet().removeAll(keys);
  }

  synchronized Map<String, String> tags(String arn) {
    settle();
    return Map.copyOf(byArn(arn).tags);
  }

  // ---- Point-in-time recovery: unavailable until the table is ACTIVE. -------------------------

  synchronized Table setPointInTimeRecovery(String name, boolean enabled) {
    settle();
    Table table = existing(name);
    if (table.status != TableStatus.ACTIVE) {
      throw AwsErrors.<ContinuousBackupsUnavailableException>build(ContinuousBackupsUnavailableException.builder(),
          SERVICE, "ContinuousBackupsUnavailableException", 400, "Backups are being enabled for the table: " + table.name);
    }
    table.pointInTimeRecovery = enabled;
    return table;
  }

  // ---- What Application Auto Scaling does to a table ------------------------------------------

  /**
   * Sets capacity the way Application Auto Scaling does (through UpdateTable, without counting as a
   * client call). Its scale-ins count against the decrease quota too; one over it fails, as its
   * scaling activity would, and the capacity stays.
   */
  @Override
  public synchronized void setCapacity(String tableName, String indexName, boolean read, long capacity) {
    Table table = existing(tableName);
    Instant now = aws.clock().instant();
    if (indexName == null) {
      if (read ? table.read == capacity : table.write == capacity) {
        return;
      }
      if (capacity < (read ? table.read : table.write)) {
        if (table.decreases.refusal(now) != null) {
          return;
        }
        table.decreases.record(now);
      }
      if (read) {
        table.read = capacity;
      } else {
        table.write = capacity;
      }
    } else {
      Index index = existingIndex(table, indexName);
      if (read ? index.read == capacity : index.write == capacity) {
        return;
      }
      if (capacity < (read ? index.read : index.write)) {
        if (index.decreases.refusal(now) != null) {
          return;
        }
        index.decreases.record(now);
      }
      if (read) {
        index.read = capacity;
      } else {
        index.write = capacity;
      }
      busy(table, index, IndexStatus.UPDATING);
    }
    busy(table, TableStatus.UPDATING);
  }

  @Override
  public synchronized Optional<long[]> capacity(String tableName, String indexName) {
    settle();
    Table table = tables.get(tableName);
    if (table == null) {
      return Optional.empty();
    }
    if (indexName == null) {
      return Optional.of(new long[] {table.read, table.write});
    }
    Index index = table.indexes.get(indexName);
    return index == null ? Optional.empty() : Optional.of(new long[] {index.read, index.write});
  }

  /** A table without the error a missing one is for callers; for test controls. */
  synchronized Optional<Table> find(String name) {
    settle();
    return Optional.ofNullable(tables.get(name));
  }

  // ---- the state machine: busy things settle when their time has come -------------------------

  private void busy(Table table, TableStatus status) {
    status(table, status);
    table.settlesAt = aws.clock().instant().plus(aws.changeDelay());
    changing.add(table, table.settlesAt);
  }

  private void busy(Table table, Index index, IndexStatus status) {
    index.status = status;
    index.settlesAt = aws.clock().instant().plus(aws.changeDelay());
    changing.add(table, index.settlesAt);
  }

  /** Every status change of a table goes through here, so that the sets the limits count stay true. */
  private void status(Table table, TableStatus status) {
    table.status = status;
    if (status == TableStatus.ACTIVE) {
      inFlight.remove(table);
    } else {
      inFlight.add(table);
    }
    if (status == TableStatus.CREATING && !table.indexes.isEmpty()) {
      creatingWithIndexes.add(table);
    } else {
      creatingWithIndexes.remove(table);
    }
  }

  /** Settles what is due of the tables with a change in flight; a table deleted since has nothing left to settle. */
  private void settle() {
    Instant now = aws.clock().instant();
    for (Table table : changing.due(now)) {
      if (tables.get(table.name) == table) {
        settle(table, now);
      }
    }
  }

  private void settle(Table table, Instant now) {
    if (table.status == TableStatus.DELETING && !now.isBefore(table.settlesAt)) {
      tables.remove(table.name);
      inFlight.remove(table);
      return;
    }
    table.indexes.values().removeIf(i -> i.status == IndexStatus.DELETING && !now.isBefore(i.settlesAt));
    table.indexes.values().stream().filter(i -> i.status != IndexStatus.ACTIVE && !now.isBefore(i.settlesAt))
        .forEach(i -> i.status = IndexStatus.ACTIVE);
    boolean indexesSettled = table.indexes.values().stream().allMatch(i -> i.status == IndexStatus.ACTIVE);
    if (table.status != TableStatus.ACTIVE && table.status != TableStatus.DELETING && indexesSettled
        && !now.isBefore(table.settlesAt)) {
      status(table, TableStatus.ACTIVE);
    }
  }

  // ---- rules shared by the operations ------------------------------------------------------------

  private Table existing(String name) {
    Table table = name == null ? null : tables.get(name);
    if (table == null) {
      throw AwsErrors.<ResourceNotFoundException>build(ResourceNotFoundException.builder(), SERVICE,
          "ResourceNotFoundException", 400, "Requested resource not found: Table: " + name + " not found");
    }
    return table;
  }

  /** A table's ARN is {@link #arn} of its name, so the name after that prefix finds it. */
  private Table byArn(String arn) {
    String prefix = arn("");
    Table table = arn != null && arn.startsWith(prefix) ? tables.get(arn.substring(prefix.length())) : null;
    if (table == null) {
      throw AwsErrors.<ResourceNotFoundException>build(ResourceNotFoundException.builder(), SERVICE,
          "ResourceNotFoundException", 400, "Requested resource not found: ResourceArn: " + arn + " not found");
    }
    return table;
  }

  private static Index existingIndex(Table table, String name) {
    Index index = table.indexes.get(name);
    if (index == null) {
      throw AwsErrors.<ResourceNotFoundException>build(ResourceNotFoundException.builder(), SERVICE,
          "ResourceNotFoundException", 400, "Requested resource not found: Index: " + name + " not found");
    }
    return index;
  }

  private String arn(String table) {
    return "arn:aws:dynamodb:" + region + ":" + SimulatedAws.ACCOUNT_ID + ":table/" + table;
  }

  private static ProvisionedThroughput requireThroughput(ProvisionedThroughput throughput, String what) {
    if (throughput == null || throughput.readCapacityUnits() == null || throughput.writeCapacityUnits() == null) {
      throw validation("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both"
          + " be specified for the " + what + " when BillingMode is PROVISIONED");
    }
    if (throughput.readCapacityUnits() < 1 || throughput.writeCapacityUnits() < 1) {
      throw validation("One or more parameter values were invalid: capacity units must be at least 1 for the " + what);
    }
    return throughput;
  }

  private static void checkName(String name, String parameter) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw validation("1 validation error detected: Value '" + name + "' at '" + parameter + "' failed to satisfy"
          + " constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and have length 3-255");
    }
  }

  private static void checkKeysDefined(List<KeySchemaElement> keySchema, List<AttributeDefinition> definitions) {
    if (keySchema.isEmpty() || keySchema.size() > 2) {
      throw validation("One or more parameter values were invalid: a key schema has a partition key and at most one"
          + " sort key");
    }
    Set<String> defined = definitions.stream().map(AttributeDefinition::attributeName).collect(Collectors.toSet());
    for (KeySchemaElement key : keySchema) {
      if (!defined.contains(key.attributeName())) {
        throw validation("One or more parameter values were invalid: Some index key attributes are not defined in"
            + " AttributeDefinitions. Keys: [" + key.attributeName() + "]");
      }
    }
  }

  private static Set<String> keyAttributes(List<KeySchemaElement> keySchema) {
    return keySchema.stream().map(KeySchemaElement::attributeName).collect(Collectors.toCollection(HashSet::new));
  }

  private static void checkTags(int count) {
    if (count > MAX_TAGS) {
      throw validation("One or more parameter values were invalid: at most " + MAX_TAGS + " tags per resource");
    }
  }

  private static AwsServiceException validation(String message) {
    return AwsErrors.build(AwsServiceException.builder(), SERVICE, "ValidationException", 400, message);
  }

  private static ResourceInUseException inUse(String message) {
    return AwsErrors.build(ResourceInUseException.builder(), SERVICE, "ResourceInUseException", 400, message);
  }

  private static LimitExceededException limit(String message) {
    return AwsErrors.build(LimitExceededException.builder(), SERVICE, "LimitExceededException", 400, message);
  }
}
