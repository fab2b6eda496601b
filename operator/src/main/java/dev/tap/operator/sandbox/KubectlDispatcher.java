package dev.tap.operator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.util.List;

/**
 * The CRUD mock API server plus what kubectl needs from a real one: API discovery documents and,
 * for ServerlessApis, server-side Table responses built from the CRD's printer columns, so that
 * {@code kubectl get serverlessapi -o wide} shows READY, ENV, VERSION, ENDPOINT and AGE.
 */
final class KubectlDispatcher extends KubernetesCrudDispatcher {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PLURAL = "serverlessapis";
  private static final String GROUP_VERSION = ServerlessApi.API_VERSION;

  private final PrinterColumns printerColumns;

  /** {@code printerColumns} are the ServerlessApi CRD's; they make the Table. */
  KubectlDispatcher(PrinterColumns printerColumns) {
    this.printerColumns = printerColumns;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if ("GET".equals(request.getMethod())) {
      String path = request.getPath().split("\\?", 2)[0];
      JsonNode discovery = discovery(path);
      if (discovery != null) {
        return json(200, discovery);
      }
      MockResponse response = super.dispatch(request);
      String accept = request.getHeader("Accept");
      if (accept != null && accept.contains("as=Table") && isServerlessApiPath(path) && response.code() == 200) {
        return json(200, table(readBody(response)));
      }
      return response;
    }
    return super.dispatch(request);
  }

  private static boolean isServerlessApiPath(String path) {
    return path.startsWith("/apis/" + GROUP_VERSION + "/") && path.contains("/" + PLURAL)
        && !path.endsWith("/status");
  }

  private JsonNode discovery(String path) {
    return switch (path) {
      case "/version" -> object().put("major", "1").put("minor", "32").put("gitVersion", "v1.32.0-tap-sandbox")
          .put("platform", "in-process/java");
      case "/api" -> {
        ObjectNode versions = object().put("kind", "APIVersions");
        versions.putArray("versions").add("v1");
        versions.putArray("serverAddressByClientCIDRs");
        yield versions;
      }
      case "/apis" -> {
        ObjectNode list = object().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = list.putArray("groups");
        groups.add(group("apiextensions.k8s.io", "v1"));
        groups.add(group(ServerlessApi.GROUP, ServerlessApi.VERSION));
        yield list;
      }
      case "/apis/" + ServerlessApi.GROUP -> group(ServerlessApi.GROUP, ServerlessApi.VERSION);
      case "/api/v1" -> resources("v1", List.of(
          resource("events", "Event", true, List.of("ev")),
          resource("namespaces", "Namespace", false, List.of("ns"))));
      case "/apis/apiextensions.k8s.io/v1" -> resources("apiextensions.k8s.io/v1", List.of(
          resource("customresourcedefinitions", "CustomResourceDefinition", false, List.of("crd", "crds"))));
      case "/apis/" + GROUP_VERSION -> {
        ObjectNode list = resources(GROUP_VERSION, List.of(resource(PLURAL, ServerlessApi.KIND, true, List.of("sapi"))));
        ObjectNode status = ((ArrayNode) list.get("resources")).addObject().put("name", PLURAL + "/status")
            .put("singularName", "").put("namespaced", true).put("kind", ServerlessApi.KIND);
        status.putArray("verbs").add("get").add("patch").add("update");
        yield list;
      }
      default -> null;
    };
  }

  /** A meta.k8s.io/v1 Table of one ServerlessApi or a list of them, as the API server would render it. */
  private JsonNode table(JsonNode body) {
    ObjectNode table = object().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    table.putObject("metadata").put("resourceVersion", body.at("/metadata/resourceVersion").asText(""));
    ArrayNode columns = table.putArray("columnDefinitions");
    columns.addObject().put("name", "Name").put("type", "string").put("format", "name").put("priority", 0)
        .put("description", "Name of the resource");
    printerColumns.definitions().forEach(c -> columns.addObject().put("name", c.path("name").asText())
        .put("type", c.path("type").asText("string")).put("format", "").put("priority", c.path("priority").asInt(0))
        .put("description", c.path("description").asText("")));
    ArrayNode rows = table.putArray("rows");
    JsonNode items = body.has("items") ? body.get("items") : JSON.createArrayNode().add(body);
    for (JsonNode item : items) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      cells.add(item.at("/metadata/name").asText());
      printerColumns.cells(item).forEach(cells::add);
      ObjectNode object = row.putObject("object").put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
      object.set("metadata", item.path("metadata"));
    }
    return table;
  }

  private static ObjectNode group(String name, String version) {
    ObjectNode group = object().put("kind", "APIGroup").put("apiVersion", "v1").put("name", name);
    ObjectNode groupVersion = object().put("groupVersion", name + "/" + version).put("version", version);
    group.putArray("versions").add(groupVersion);
    group.set("preferredVersion", groupVersion);
    return group;
  }

  private static ObjectNode resources(String groupVersion, List<ObjectNode> resources) {
    ObjectNode list = object().put("kind", "APIResourceList").put("apiVersion", "v1").put("groupVersion", groupVersion);
    list.putArray("resources").addAll(resources);
    return list;
  }

  private static ObjectNode resource(String plural, String kind, boolean namespaced, List<String> shortNames) {
    ObjectNode resource = object().put("name", plural).put("singularName", kind.toLowerCase())
        .put("namespaced", namespaced).put("kind", kind);
    ArrayNode verbs = resource.putArray("verbs");
    List.of("create", "delete", "get", "list", "patch", "update", "watch").forEach(verbs::add);
    ArrayNode names = resource.putArray("shortNames");
    shortNames.forEach(names::add);
    return resource;
  }

  private static JsonNode readBody(MockResponse response) {
    try {
      return JSON.readTree(response.getBody().readUtf8());
    } catch (IOException e) {
      throw new IllegalStateException("the CRUD server answered with invalid JSON", e);
    }
  }

  private static MockResponse json(int code, JsonNode body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body.toString());
  }

  private static ObjectNode object() {
    return JSON.createObjectNode();
  }
}
