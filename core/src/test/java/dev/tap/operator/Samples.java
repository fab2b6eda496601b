package dev.tap.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The committed samples, and copies of them edited one field at a time. */
public final class Samples {

  public static final Path DIRECTORY = Path.of("..", "samples");
  public static final List<String> NAMES = List.of("dev.yaml", "staging.yaml", "prod.yaml", "prod-gated.yaml");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Samples() {}

  public static ObjectNode load(String name) {
    try {
      return (ObjectNode) YAML.readTree(Files.readString(DIRECTORY.resolve(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets {@code path} (such as {@code spec.table.globalSecondaryIndexes[0].indexName}) to a YAML value; null removes it. */
  public static ObjectNode with(ObjectNode document, String path, String yamlValue) {
    ObjectNode copy = document.deepCopy();
    String[] steps = path.split("\\.");
    JsonNode parent = copy;
    for (int i = 0; i < steps.length - 1; i++) {
      parent = step(parent, steps[i]);
    }
    String last = steps[steps.length - 1];
    JsonNode value = yamlValue == null ? null : parse(yamlValue);
    if (last.endsWith("]")) {
      ArrayNode array = (ArrayNode) step(parent, last.substring(0, last.indexOf('[')));
      int index = Integer.parseInt(last.substring(last.indexOf('[') + 1, last.length() - 1));
      if (value == null) {
        array.remove(index);
      } else {
        array.set(index, value);
      }
    } else if (value == null) {
      ((ObjectNode) parent).remove(last);
    } else {
      ((ObjectNode) parent).set(last, value);
    }
    return copy;
  }

  public static JsonNode parse(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String toYaml(JsonNode document) {
    try {
      return YAML.writeValueAsString(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode step(JsonNode node, String step) {
    if (step.endsWith("]")) {
      JsonNode array = node.get(step.substring(0, step.indexOf('[')));
      return array.get(Integer.parseInt(step.substring(step.indexOf('[') + 1, step.length() - 1)));
    }
    return node.get(step);
  }
}
