package dev.tap.operator.workflow;

import java.util.List;

/**
 * One AWS resource as the sandbox's inventory shows it: the group it is listed under in JSON
 * ({@code tables}), the value serialized there, and its lines in the text inventory.
 */
public record InventoryItem(String group, Object value, List<String> lines) {}
