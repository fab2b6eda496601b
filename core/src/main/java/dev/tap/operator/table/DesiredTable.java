package dev.tap.operator.table;

import dev.tap.operator.naming.OwnerTags;
import java.util.List;
import java.util.Map;

/**
 * The table as the spec wants it. {@code deletionProtection} and {@code pointInTimeRecovery} are
 * null when the spec leaves them alone: the operator then neither reads nor writes them.
 */
public record DesiredTable(String name, KeyAttributeDef partitionKey, Capacity capacity, List<DesiredIndex> indexes,
    Boolean deletionProtection, Boolean pointInTimeRecovery, Map<String, String> tags) {

  public String owner() {
    return tags.get(OwnerTags.OWNER);
  }
}
