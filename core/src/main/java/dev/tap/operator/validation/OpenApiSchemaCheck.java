package dev.tap.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Types, bounds, patterns, enums and required fields of the CRD's OpenAPI schema, as the API server
 * checks them. Unknown fields are reported too, as {@code kubectl apply} does with strict field
 * validation: the API server would otherwise prune them silently and a typo would go unnoticed.
 * Patterns are matched as RE2 matches them ({@link Re2Patterns}), not as Java would.
 */
final class OpenApiSchemaCheck {

  private static final List<String> KUBERNETES_KEYWORDS = List.of("x-kubernetes-validations",
      "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string", "x-kubernetes-embedded-resource",
      "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type", "nullable");

  private final JsonSchema schema;

  OpenApiSchemaCheck(JsonNode openApiSchema) {
    ObjectNode strict = openApiSchema.deepCopy();
    // apiVersion, kind and metadata are the API server's business: only spec and status are closed.
    strict.path("properties").forEach(OpenApiSchemaCheck::closeObjects);
    // The CRD's schema is OpenAPI v3.0, whose keywords (boolean exclusiveMinimum) are draft 4's.
    // The defaults getSchema(node) would use (legacy paths among them), with RE2's patterns.
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder(new SchemaValidatorsConfig())
        .regularExpressionFactory(Re2Patterns.FACTORY).build();
    this.schema = schemaFactory().getSchema(strict, config);
  }

  /** Draft 4, told that Kubernetes' own keywords carry no JSON Schema meaning. */
  private static JsonSchemaFactory schemaFactory() {
    JsonMetaSchema draft4 = JsonMetaSchema.getV4();
    JsonMetaSchema.Builder kubernetes = JsonMetaSchema.builder(draft4.getIri(), draft4);
    for (String keyword : KUBERNETES_KEYWORDS) {
      kubernetes.keyword(new NonValidationKeyword(keyword));
    }
    return JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4))
        .metaSchema(kubernetes.build()).build();
  }

  List<Violation> check(JsonNode resource) {
    List<Violation> violations = new ArrayList<>();
    for (ValidationMessage message : schema.validate(resource)) {
      violations.add(toViolation(message));
    }
    return violations;
  }

  private static Violation toViolation(ValidationMessage message) {
    String path = JsonPaths.fromJsonPointerLike(message.getInstanceLocation().toString());
    String text = message.getMessage();
    int afterLocation = text.indexOf(": ");
    String reason = afterLocation >= 0 ? text.substring(afterLocation + 2) : text;
    return switch (message.getType()) {
      case "required" -> new Violation(JsonPaths.child(path, message.getProperty()), "required field is missing");
      case "additionalProperties" -> new Violation(JsonPaths.child(path, message.getProperty()), "unknown field");
      default -> new Violation(path, reason);
    };
  }

  private static void closeObjects(JsonNode node) {
    if (!(node instanceof ObjectNode object)) {
      return;
    }
    if (object.has("properties") && !object.has("additionalProperties")
        && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      object.put("additionalProperties", false);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = object.path("properties").fields(); it.hasNext(); ) {
      closeObjects(it.next().getValue());
    }
    closeObjects(object.path("items"));
    closeObjects(object.path("additionalProperties"));
  }
}
