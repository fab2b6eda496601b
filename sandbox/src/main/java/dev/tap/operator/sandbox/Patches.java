package dev.tap.operator.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * The patch types an API server accepts for a custom resource, applied by JSON-P (Parsson): JSON merge
 * patch (RFC 7386: objects merge, lists and scalars replace, null removes) and JSON patch (RFC 6902).
 * Strategic merge patch is a built-in-types-only format; a real API server refuses it for custom
 * resources, and so does this one.
 */
final class Patches {

  static final String MERGE = "application/merge-patch+json";
  static final String JSON_PATCH = "application/json-patch+json";
  static final String STRATEGIC = "application/strategic-merge-patch+json";
  static final String APPLY = "application/apply-patch+yaml";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A patch that cannot apply: its message is what the client is told (400, or 415 for the type). */
  static final class PatchException extends Exception {
    final int code;

    PatchException(int code, String message) {
      super(message);
      this.code = code;
    }
  }

  private Patches() {}

  static JsonNode apply(String contentType, JsonNode target, String patch) throws PatchException {
    String type = contentType == null ? "" : contentType.split(";", 2)[0].trim();
    try {
      JsonValue result = switch (type) {
        case MERGE -> Json.createMergePatch(read(patch)).apply(read(target.toString()));
        case JSON_PATCH -> Json.createPatch(read(patch).asJsonArray()).apply((JsonStructure) read(target.toString()));
        case STRATEGIC -> throw new PatchException(415, "the body of the request was in an unknown format - accepted"
            + " media types include: application/json-patch+json, application/merge-patch+json (strategic merge"
            + " patch is for built-in types only)");
        case APPLY -> throw new PatchException(415, "server-side apply is not served by the sandbox's API server; use"
            + " kubectl apply without --server-side");
        default -> throw new PatchException(415, "unsupported patch type '" + type + "'");
      };
      return JSON.readTree(result.toString());
    } catch (JsonException | ClassCastException | IllegalStateException e) {
      throw new PatchException(400, "the patch cannot be applied: " + e.getMessage());
    } catch (JsonProcessingException e) {
      throw new PatchException(400, "the patched object is not JSON: " + e.getOriginalMessage());
    }
  }

  private static JsonValue read(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }
}
