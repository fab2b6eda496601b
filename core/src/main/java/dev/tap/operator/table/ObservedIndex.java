package dev.tap.operator.table;

/** A global secondary index as DynamoDB describes it. */
public record ObservedIndex(String name, String status, KeyAttributeDef partitionKey, KeyAttributeDef sortKey,
    String projectionType, long read, long write) {

  public boolean isActive() {
    return "ACTIVE".equals(status);
  }
}
