package dev.tap.operator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tap.operator.validation.ServerlessApiValidator;
import dev.tap.operator.validation.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ServerlessApis as a real API server serves them, in front of the CRUD store: creates, updates and
 * patches are checked against the CRD's schema and CEL rules (transition rules against the stored
 * object) and refused with 422 and the fields' messages; unknown fields are refused (field validation
 * Strict, kubectl's default), warned about and pruned (Warn, the server's default) or pruned (Ignore);
 * patches follow RFC 7386 and RFC 6902; {@code dryRun=All} is validated and answered, never stored;
 * status cannot be changed through the main resource. What passes is stored as a whole object.
 */
final class ServerlessApiEndpoint {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UNKNOWN_FIELD = "unknown field";

  /** What to answer: a code, a JSON body, and warnings for the Warning header. */
  record Answer(int code, JsonNode body, List<String> warnings) {
    Answer(int code, JsonNode body) {
      this(code, body, List.of());
    }
  }

  private final Backend backend;
  private final ServerlessApiValidator validator;

  ServerlessApiEndpoint(Backend backend, ServerlessApiValidator validator) {
    this.backend = backend;
    this.validator = validator;
  }

  /** POST to a collection. */
  Answer create(String collectionPath, String namespace, String body, Map<String, String> query) throws IOException {
    ObjectNode object = parse(body);
    if (object == null) {
      return badRequest("the request body is not a JSON object");
    }
    if (namespace != null && !object.at("/metadata/namespace").isTextual() && object.path("metadata").isObject()) {
      ((ObjectNode) object.get("metadata")).put("namespace", namespace);
    }
    object.remove("status");
    return admit(object, null, query, 201, () -> backend.call("POST", collectionPath, object.toString(), jsonHeaders()));
  }

  /** PUT to an object. */
  Answer replace(String path, String name, String body, Map<String, String> query) throws IOException {
    Backend.Reply stored = backend.get(path);
    if (stored.code() == 404) {
      return new Answer(404, StatusResponses.notFound(name));
    }
    ObjectNode object = parse(body);
    if (object == null) {
      return badRequest("the request body is not a JSON object");
    }
    return update(path, JSON.readTree(stored.body()), object, query);
  }

  /** Attempts of a patch whose store write met a concurrent write (the operator's status, say). */
  private static final int PATCH_ATTEMPTS = 5;

  /**
   * PATCH to an object: merge patch or JSON patch, applied to the stored object. As a real API server
   * does, a patch that meets a concurrent write (409 from the store) is applied again to the new object.
   */
  Answer patch(String path, String name, String contentType, String patch, Map<String, String> query) throws IOException {
    Answer answer = patchOnce(path, name, contentType, patch, query);
    for (int attempt = 1; answer.code() == 409 && attempt < PATCH_ATTEMPTS; attempt++) {
      answer = patchOnce(path, name, contentType, patch, query);
    }
    return answer;
  }

  private Answer patchOnce(String path, String name, String contentType, String patch, Map<String, String> query)
      throws IOException {
    Backend.Reply stored = backend.get(path);
    if (stored.code() == 404) {
      return new Answer(404, StatusResponses.notFound(name));
    }
    JsonNode old = JSON.readTree(stored.body());
    JsonNode patched;
    try {
      patched = Patches.apply(contentType, old, patch);
    } catch (Patches.PatchException e) {
      return new Answer(e.code, StatusResponses.failure(e.code, e.code == 415 ? "UnsupportedMediaType" : "BadRequest",
          e.getMessage()));
    }
    if (!(patched instanceof ObjectNode object)) {
      return badRequest("the patched object is not a JSON object");
    }
    return update(path, old, object, query);
  }

  /** DELETE: a dry run answers with the object and deletes nothing; otherwise the store deletes it. */
  Answer dryRunDelete(String path, String name) throws IOException {
    Backend.Reply stored = backend.get(path);
    return stored.code() == 404 ? new Answer(404, StatusResponses.notFound(name))
        : new Answer(200, JSON.readTree(stored.body()));
  }

  private Answer update(String path, JsonNode old, ObjectNode object, Map<String, String> query) throws IOException {
    // The status subresource is the only way to change status, as with a real API server.
    if (old.has("status")) {
      object.set("status", old.get("status"));
    } else {
      object.remove("status");
    }
    if (object.path("metadata").isObject() && !object.at("/metadata/resourceVersion").isTextual()) {
      ((ObjectNode) object.get("metadata")).put("resourceVersion", old.at("/metadata/resourceVersion").asText());
    }
    return admit(object, old, query, 200, () -> backend.call("PUT", path, object.toString(), jsonHeaders()));
  }

  /** The store's side of an admitted request. */
  private interface Store {
    Backend.Reply write() throws IOException;
  }

  private Answer admit(ObjectNode object, JsonNode old, Map<String, String> query, int createdCode, Store store)
      throws IOException {
    String name = object.at("/metadata/name").asText("");
    List<Violation> violations = validator.asApiServer(object, old);
    List<Violation> unknown = violations.stream().filter(v -> UNKNOWN_FIELD.equals(v.message())).toList();
    List<Violation> invalid = violations.stream().filter(v -> !UNKNOWN_FIELD.equals(v.message())).toList();
    String fieldValidation = query.getOrDefault("fieldValidation", "Warn");
    if (!unknown.isEmpty() && "Strict".equals(fieldValidation)) {
      return new Answer(400, StatusResponses.strictDecoding(unknown));
    }
    List<String> warnings = new ArrayList<>();
    for (Violation field : unknown) {
      FieldPaths.remove(object, field.path());
      if ("Warn".equals(fieldValidation)) {
        warnings.add("unknown field \"" + field.path() + "\"");
      }
    }
    if (!invalid.isEmpty()) {
      return new Answer(422, StatusResponses.invalid(name, object, invalid), warnings);
    }
    if ("All".equals(query.get("dryRun"))) {
      return new Answer(createdCode, object, warnings);
    }
    Backend.Reply reply = store.write();
    return new Answer(reply.code(), JSON.readTree(reply.body()), warnings);
  }

  private static ObjectNode parse(String body) {
    try {
      return JSON.readTree(body) instanceof ObjectNode object ? object : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static Answer badRequest(String message) {
    return new Answer(400, StatusResponses.failure(400, "BadRequest", message));
  }

  private static Map<String, String> jsonHeaders() {
    return Map.of("Content-Type", "application/json", "Accept", "application/json");
  }
}
