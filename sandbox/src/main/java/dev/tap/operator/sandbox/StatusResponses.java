package dev.tap.operator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.validation.Violation;
import java.util.List;

/** The meta/v1 Status bodies an API server answers failures with, worded as Kubernetes words them. */
final class StatusResponses {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUALIFIED_KIND = ServerlessApi.KIND + "." + ServerlessApi.GROUP;

  private StatusResponses() {}

  static ObjectNode failure(int code, String reason, String message) {
    ObjectNode status = JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
    status.putObject("metadata");
    return status.put("status", "Failure").put("message", message).put("reason", reason).put("code", code);
  }

  static ObjectNode notFound(String name) {
    ObjectNode status = failure(404, "NotFound", "serverlessapis." + ServerlessApi.GROUP + " \"" + name + "\" not found");
    status.putObject("details").put("name", name).put("group", ServerlessApi.GROUP).put("kind", "serverlessapis");
    return status;
  }

  /** 422 Invalid, one cause a field: {@code spec.table.readCapacity: Invalid value: 0: must have a minimum value of 1.0}. */
  static ObjectNode invalid(String name, JsonNode object, List<Violation> violations) {
    List<String> messages = violations.stream().map(v -> describe(object, v)).toList();
    ObjectNode status = failure(422, "Invalid", QUALIFIED_KIND + " \"" + name + "\" is invalid: "
        + (messages.size() == 1 ? messages.get(0) : "[" + String.join(", ", messages) + "]"));
    ObjectNode details = status.putObject("details").put("name", name).put("group", ServerlessApi.GROUP)
        .put("kind", ServerlessApi.KIND);
    ArrayNode causes = details.putArray("causes");
    for (Violation violation : violations) {
      boolean missing = "required field is missing".equals(violation.message());
      causes.addObject().put("reason", missing ? "FieldValueRequired" : "FieldValueInvalid")
          .put("message", describe(object, violation).substring(violation.path().length() + 2))
          .put("field", violation.path());
    }
    return status;
  }

  /** 400 for unknown fields under strict field validation, as kubectl's default asks for. */
  static ObjectNode strictDecoding(List<Violation> unknown) {
    return failure(400, "BadRequest", ServerlessApi.KIND + " in version \"" + ServerlessApi.VERSION
        + "\" cannot be handled as a " + ServerlessApi.KIND + ": strict decoding error: " + String.join(", ",
            unknown.stream().map(v -> "unknown field \"" + v.path() + "\"").toList()));
  }

  private static String describe(JsonNode object, Violation violation) {
    if ("required field is missing".equals(violation.message())) {
      return violation.path() + ": Required value";
    }
    JsonNode value = FieldPaths.at(object, violation.path());
    return violation.path() + ": Invalid value: " + (value.isMissingNode() ? "null" : value.toString()) + ": "
        + violation.message();
  }
}
