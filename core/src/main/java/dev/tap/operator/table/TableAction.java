package dev.tap.operator.table;

import java.util.Map;

/** The one next step that brings the table closer to the spec; DynamoDB takes one change at a time. */
public sealed interface TableAction {

  <R> R accept(Visitor<R> visitor);

  /** One method per action: a new action does not compile until every visitor handles it. */
  interface Visitor<R> {

    R inSync(InSync action);

    R waitFor(Wait action);

    R blocked(Blocked action);

    R create(Create action);

    R update(Update action);

    R createIndex(CreateIndex action);

    R deleteIndex(DeleteIndex action);

    R setPointInTimeRecovery(SetPointInTimeRecovery action);

    R tag(Tag action);
  }

  /** Nothing to do: the table matches the spec. */
  record InSync() implements TableAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.inSync(this);
    }
  }

  /** The table or an index is still settling from an earlier change; look again later. */
  record Wait(String reason) implements TableAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.waitFor(this);
    }
  }

  /** A human must act first: the message says what. */
  record Blocked(String reason, String message) implements TableAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.blocked(this);
    }
  }

  record Create(DesiredTable table) implements TableAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.create(this);
    }
  }

  /** Throughput of our (not autoscaled) dimensions and deletion protection, in one UpdateTable. */
  record Update(Long read, Long write, Map<String, long[]> indexThroughput, Boolean deletionProtection,
      String description) implements TableAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.update(this);
    }
  }

  record CreateIndex(DesiredIndex index, KeyAttributeDef tableKey) implements TableAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.createIndex(this);
    }
  }

  record DeleteIndex(String indexName) implements TableAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.deleteIndex(this);
    }
  }

  record SetPointInTimeRecovery(boolean enabled) implements TableAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.setPointInTimeRecovery(this);
    }
  }

  /** Adds or corrects tags; {@code adopting} when this takes over an unowned table. */
  record Tag(Map<String, String> tags, boolean adopting) implements TableAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.tag(this);
    }
  }
}
