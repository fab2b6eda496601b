package dev.tap.operator.table;

import java.util.List;
import java.util.Map;

/**
 * The table as the spec wants it. {@code deletionProtection} and {@code pointInTimeRecovery} are
 * null when the spec leaves them alone: the operator then neither reads nor writes them.
 */
public record DesiredTable(String name, KeyAttributeDef partitionKey, Capacity capacity, List<DesiredIndex> indexes,
    Boolean deletionProtection, Boolean pointInTimeRecovery, Map<String, String> tags) {

  public static final String OWNER_TAG = "tap.dev/owner";
  public static final String MANAGED_BY_TAG = "tap.dev/managed-by";
  public static final String MANAGED_BY = "tap-operator";

  public String owner() {
    return tags.get(OWNER_TAG);
  }
}
