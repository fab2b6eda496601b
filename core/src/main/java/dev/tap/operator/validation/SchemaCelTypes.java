package dev.tap.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CEL types the API server declares for {@code self} at each node of an {@code openAPIV3Schema},
 * so a rule that reads a field the schema lacks, or compares values of different types, fails to
 * compile here as it fails at install. An object with properties is a struct of its fields ({@code has()}
 * works on each), one with {@code additionalProperties} a {@code map(string, V)}, an array a list of
 * its items; integer is int, number double, string string, boolean bool; int-or-string, and objects
 * that preserve unknown fields without declaring any, are dyn. The metadata of the root and of embedded
 * resources offers {@code name} and {@code generateName} only, as in the API server. Strings with a
 * format stay strings (the API server makes date-time a timestamp, duration a duration, byte bytes):
 * the ServerlessApi CRD has none.
 */
final class SchemaCelTypes implements CelTypeProvider {

  private static final String PREFIX = "crd";

  private final Map<String, CelType> structs = new LinkedHashMap<>();
  private final Map<JsonNode, CelType> byNode = new IdentityHashMap<>();

  SchemaCelTypes(JsonNode openApiSchema) {
    build(openApiSchema, PREFIX, true);
  }

  /** The type of {@code self} at {@code node}, a node of the schema this was built from. */
  CelType of(JsonNode node) {
    return byNode.getOrDefault(node, SimpleType.DYN);
  }

  @Override
  public ImmutableCollection<CelType> types() {
    return ImmutableList.copyOf(structs.values());
  }

  @Override
  public Optional<CelType> findType(String name) {
    return Optional.ofNullable(structs.get(name));
  }

  private CelType build(JsonNode node, String name, boolean resource) {
    CelType type = typeOf(node, name, resource);
    byNode.put(node, type);
    return type;
  }

  private CelType typeOf(JsonNode node, String name, boolean resource) {
    if (node.path("x-kubernetes-int-or-string").asBoolean(false)) {
      return SimpleType.DYN;
    }
    return switch (node.path("type").asText("")) {
      case "integer" -> SimpleType.INT;
      case "number" -> SimpleType.DOUBLE;
      case "string" -> SimpleType.STRING;
      case "boolean" -> SimpleType.BOOL;
      case "array" -> ListType.create(node.has("items") ? build(node.get("items"), name + ".items", false) : SimpleType.DYN);
      case "object" -> objectType(node, name, resource || node.path("x-kubernetes-embedded-resource").asBoolean(false));
      default -> SimpleType.DYN;
    };
  }

  private CelType objectType(JsonNode node, String name, boolean resource) {
    if (node.path("additionalProperties").isObject()) {
      return MapType.create(SimpleType.STRING, build(node.get("additionalProperties"), name + ".values", false));
    }
    if (!node.has("properties") && node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      return SimpleType.DYN;
    }
    Map<String, CelType> fields = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      String field = property.getKey();
      fields.put(field, resource && field.equals("metadata")
          ? metadata(property.getValue(), name + ".metadata")
          : build(property.getValue(), name + "." + field, false));
    }
    return struct(name, fields);
  }

  private CelType metadata(JsonNode node, String name) {
    CelType type = struct(name, Map.of("name", SimpleType.STRING, "generateName", SimpleType.STRING));
    byNode.put(node, type);
    return type;
  }

  private CelType struct(String name, Map<String, CelType> fields) {
    StructType struct = StructType.create(name, ImmutableSet.copyOf(fields.keySet()),
        field -> Optional.ofNullable(fields.get(field)));
    structs.put(name, struct);
    return struct;
  }
}
