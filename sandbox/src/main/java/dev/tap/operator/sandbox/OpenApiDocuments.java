package dev.tap.operator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.naming.Digest;
import java.util.List;
import java.util.Optional;

/**
 * The OpenAPI v3 documents an API server publishes for an installed CRD, built from its schema:
 * {@code kubectl explain serverlessapi.spec.table} reads the schema, and {@code kubectl apply} reads
 * the PATCH operation's {@code fieldValidation} parameter to leave validation to the server (which
 * this sandbox's server does, with the CRD's schema and CEL rules).
 */
final class OpenApiDocuments {

  static final String ROOT = "/openapi/v3";
  static final String GROUP_VERSION_PATH = "apis/" + ServerlessApi.API_VERSION;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA = "dev.tap.serverless." + ServerlessApi.VERSION + "." + ServerlessApi.KIND;
  private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

  private final JsonNode groupVersion;
  private final String hash;

  OpenApiDocuments(JsonNode crd) {
    this.groupVersion = groupVersion(crd);
    this.hash = Digest.shortSha256(groupVersion.toString()).toUpperCase();
  }

  /** The document at {@code path} (query string stripped), if this server publishes one there. */
  Optional<JsonNode> document(String path) {
    if (path.equals(ROOT)) {
      ObjectNode root = JSON.createObjectNode();
      root.putObject("paths").putObject(GROUP_VERSION_PATH)
          .put("serverRelativeURL", ROOT + "/" + GROUP_VERSION_PATH + "?hash=" + hash);
      return Optional.of(root);
    }
    return path.equals(ROOT + "/" + GROUP_VERSION_PATH) ? Optional.of(groupVersion) : Optional.empty();
  }

  private static JsonNode groupVersion(JsonNode crd) {
    ObjectNode document = JSON.createObjectNode().put("openapi", "3.0.0");
    document.putObject("info").put("title", "Kubernetes").put("version", "v1.32.0-tap-sandbox");
    ObjectNode paths = document.putObject("paths");
    String collection = "/apis/" + ServerlessApi.API_VERSION + "/namespaces/{namespace}/" + ApiDiscovery.PLURAL;
    ObjectNode list = paths.putObject(collection);
    list.set("get", operation("list", List.of()));
    list.set("post", operation("post", List.of("dryRun", "fieldValidation")));
    ObjectNode item = paths.putObject(collection + "/{name}");
    item.set("get", operation("get", List.of()));
    item.set("put", operation("put", List.of("dryRun", "fieldValidation")));
    item.set("patch", operation("patch", List.of("dryRun", "fieldValidation")));
    item.set("delete", operation("delete", List.of("dryRun")));

    ObjectNode schemas = document.putObject("components").putObject("schemas");
    ObjectNode resource = crd.at("/spec/versions/0/schema/openAPIV3Schema").deepCopy();
    ObjectNode properties = resource.with("properties");
    properties.putObject("apiVersion").put("type", "string")
        .put("description", "The versioned schema of this object: " + ServerlessApi.API_VERSION + ".");
    properties.putObject("kind").put("type", "string").put("description", "The kind: " + ServerlessApi.KIND + ".");
    properties.putObject("metadata").putArray("allOf").addObject().put("$ref", "#/components/schemas/" + OBJECT_META);
    resource.putArray("x-kubernetes-group-version-kind").add(gvk());
    schemas.set(SCHEMA, resource);
    schemas.set(OBJECT_META, objectMeta());
    return document;
  }

  private static ObjectNode operation(String action, List<String> queryParameters) {
    ObjectNode operation = JSON.createObjectNode().put("x-kubernetes-action", action);
    operation.set("x-kubernetes-group-version-kind", gvk());
    ArrayNode parameters = operation.putArray("parameters");
    for (String name : queryParameters) {
      parameters.addObject().put("name", name).put("in", "query").put("uniqueItems", true)
          .putObject("schema").put("type", "string");
    }
    operation.putObject("responses").putObject("200").put("description", "OK").putObject("content")
        .putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/" + SCHEMA);
    return operation;
  }

  private static ObjectNode gvk() {
    return JSON.createObjectNode().put("group", ServerlessApi.GROUP).put("kind", ServerlessApi.KIND)
        .put("version", ServerlessApi.VERSION);
  }

  private static ObjectNode objectMeta() {
    ObjectNode meta = JSON.createObjectNode().put("type", "object").put("description",
        "Standard object's metadata: name, namespace, labels, annotations (such as the ACK services.k8s.aws/* ones).");
    ObjectNode properties = meta.putObject("properties");
    properties.putObject("name").put("type", "string").put("description", "Unique within a namespace.");
    properties.putObject("namespace").put("type", "string").put("description", "The namespace.");
    properties.putObject("labels").put("type", "object").put("description", "Labels.")
        .putObject("additionalProperties").put("type", "string");
    properties.putObject("annotations").put("type", "object").put("description", "Annotations.")
        .putObject("additionalProperties").put("type", "string");
    return meta;
  }
}
