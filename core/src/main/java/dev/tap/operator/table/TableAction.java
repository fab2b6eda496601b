package dev.tap.operator.table;

import java.util.Map;

/** The one next step that brings the table closer to the spec; DynamoDB takes one change at a time. */
public sealed interface TableAction {

  /** Nothing to do: the table matches the spec. */
  record InSync() implements TableAction {}

  /** The table or an index is still settling from an earlier change; look again later. */
  record Wait(String reason) implements TableAction {}

  /** A human must act first: the message says what. */
  record Blocked(String reason, String message) implements TableAction {}

  record Create(DesiredTable table) implements TableAction {}

  /** Throughput of our (not autoscaled) dimensions and deletion protection, in one UpdateTable. */
  record Update(Long read, Long write, Map<String, long[]> indexThroughput, Boolean deletionProtection,
      String description) implements TableAction {}

  record CreateIndex(DesiredIndex index, KeyAttributeDef tableKey) implements TableAction {}

  record DeleteIndex(String indexName) implements TableAction {}

  record SetPointInTimeRecovery(boolean enabled) implements TableAction {}

  /** Adds or corrects tags; {@code adopting} when this takes over an unowned table. */
  record Tag(Map<String, String> tags, boolean adopting) implements TableAction {}
}
