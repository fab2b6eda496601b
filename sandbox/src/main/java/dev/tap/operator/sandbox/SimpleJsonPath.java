package dev.tap.operator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSONPath subset printer columns use: {@code .a.b.c} and filters such as
 * {@code .status.conditions[?(@.type=="Ready")].status}. Enough for the CRD's own columns.
 */
final class SimpleJsonPath {

  private static final Pattern STEP = Pattern.compile("\\.([A-Za-z0-9_]+)(\\[\\?\\(@\\.([A-Za-z0-9_]+)==\"([^\"]*)\"\\)\\])?");

  private SimpleJsonPath() {}

  /** The value at {@code path}, or a missing node. */
  static JsonNode read(JsonNode root, String path) {
    Matcher step = STEP.matcher(path);
    JsonNode node = root;
    int at = 0;
    while (at < path.length() && step.find(at) && step.start() == at) {
      node = node.path(step.group(1));
      if (step.group(2) != null) {
        JsonNode match = null;
        for (JsonNode element : node) {
          if (step.group(4).equals(element.path(step.group(3)).asText(null))) {
            match = element;
            break;
          }
        }
        node = match == null ? MissingNode.getInstance() : match;
      }
      at = step.end();
    }
    return at == path.length() ? node : MissingNode.getInstance();
  }
}
