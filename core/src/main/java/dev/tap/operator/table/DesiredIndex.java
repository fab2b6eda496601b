package dev.tap.operator.table;

import java.util.List;

/** A global secondary index as the spec wants it; {@code sortKey} may be null. */
public record DesiredIndex(String name, KeyAttributeDef partitionKey, KeyAttributeDef sortKey,
    String projectionType, List<String> nonKeyAttributes, Capacity capacity) {}
