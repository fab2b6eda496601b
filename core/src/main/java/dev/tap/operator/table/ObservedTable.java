package dev.tap.operator.table;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table as AWS holds it: DescribeTable, its tags, and (when the spec manages it) its
 * point-in-time recovery setting, null when not read.
 */
public record ObservedTable(String name, String arn, String status, KeyAttributeDef partitionKey, long read,
    long write, List<ObservedIndex> indexes, boolean deletionProtection, Boolean pointInTimeRecovery,
    Map<String, String> tags, Map<String, DecreaseHistory> decreases) {

  /** A table without any capacity decrease yet. */
  public ObservedTable(String name, String arn, String status, KeyAttributeDef partitionKey, long read, long write,
      List<ObservedIndex> indexes, boolean deletionProtection, Boolean pointInTimeRecovery, Map<String, String> tags) {
    this(name, arn, status, partitionKey, read, write, indexes, deletionProtection, pointInTimeRecovery, tags, Map.of());
  }

  /** The capacity decreases of the table itself (by its name) or of one of its indexes (by the index's name). */
  public DecreaseHistory decreasesOf(String tableOrIndex) {
    return decreases.getOrDefault(tableOrIndex, DecreaseHistory.NONE);
  }

  public boolean isActive() {
    return "ACTIVE".equals(status);
  }

  public Optional<ObservedIndex> index(String name) {
    return indexes.stream().filter(i -> i.name().equals(name)).findFirst();
  }

  /** The region of the table, from its ARN. */
  public String region() {
    String[] parts = arn.split(":");
    return parts.length > 3 ? parts[3] : null;
  }

  /** The account that owns the table, from its ARN ({@code arn:aws:dynamodb:region:account:table/name}). */
  public String accountId() {
    String[] parts = arn.split(":");
    return parts.length > 4 ? parts[4] : null;
  }
}
