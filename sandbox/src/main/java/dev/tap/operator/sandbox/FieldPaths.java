package dev.tap.operator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Field paths as violations name them ({@code spec.table.globalSecondaryIndexes[0].indexName}) over JSON. */
final class FieldPaths {

  private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

  private FieldPaths() {}

  static JsonNode at(JsonNode root, String path) {
    JsonNode node = root;
    for (Object step : steps(path)) {
      node = step instanceof Integer index ? node.path(index) : node.path((String) step);
    }
    return node == null ? MissingNode.getInstance() : node;
  }

  /** Removes the field at {@code path}, as an API server prunes a field its schema does not know. */
  static void remove(JsonNode root, String path) {
    List<Object> steps = steps(path);
    if (steps.isEmpty()) {
      return;
    }
    JsonNode parent = root;
    for (Object step : steps.subList(0, steps.size() - 1)) {
      parent = step instanceof Integer index ? parent.path(index) : parent.path((String) step);
    }
    Object last = steps.get(steps.size() - 1);
    if (parent instanceof ObjectNode object && last instanceof String field) {
      object.remove(field);
    } else if (parent instanceof ArrayNode array && last instanceof Integer index && index < array.size()) {
      array.remove(index.intValue());
    }
  }

  private static List<Object> steps(String path) {
    List<Object> steps = new ArrayList<>();
    Matcher matcher = STEP.matcher(path);
    while (matcher.find()) {
      steps.add(matcher.group(1) != null ? matcher.group(1) : Integer.valueOf(matcher.group(2)));
    }
    return steps;
  }
}
