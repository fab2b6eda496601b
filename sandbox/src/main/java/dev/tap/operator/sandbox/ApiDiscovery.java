package dev.tap.operator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import java.util.List;
import java.util.Optional;

/** The discovery documents kubectl reads first: which groups, versions and resources this API serves. */
final class ApiDiscovery {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final String PLURAL = "serverlessapis";
  private static final String GROUP_VERSION = ServerlessApi.API_VERSION;

  private ApiDiscovery() {}

  static Optional<JsonNode> document(String path) {
    return Optional.ofNullable(switch (path) {
      case "/version" -> JSON.createObjectNode().put("major", "1").put("minor", "32")
          .put("gitVersion", "v1.32.0-tap-sandbox").put("platform", "in-process/java");
      case "/api" -> {
        ObjectNode versions = JSON.createObjectNode().put("kind", "APIVersions");
        versions.putArray("versions").add("v1");
        versions.putArray("serverAddressByClientCIDRs");
        yield versions;
      }
      case "/apis" -> {
        ObjectNode list = JSON.createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
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
    });
  }

  private static ObjectNode group(String name, String version) {
    ObjectNode group = JSON.createObjectNode().put("kind", "APIGroup").put("apiVersion", "v1").put("name", name);
    ObjectNode groupVersion = JSON.createObjectNode().put("groupVersion", name + "/" + version).put("version", version);
    group.putArray("versions").add(groupVersion);
    group.set("preferredVersion", groupVersion);
    return group;
  }

  private static ObjectNode resources(String groupVersion, List<ObjectNode> resources) {
    ObjectNode list = JSON.createObjectNode().put("kind", "APIResourceList").put("apiVersion", "v1")
        .put("groupVersion", groupVersion);
    list.putArray("resources").addAll(resources);
    return list;
  }

  private static ObjectNode resource(String plural, String kind, boolean namespaced, List<String> shortNames) {
    ObjectNode resource = JSON.createObjectNode().put("name", plural).put("singularName", kind.toLowerCase())
        .put("namespaced", namespaced).put("kind", kind);
    ArrayNode verbs = resource.putArray("verbs");
    List.of("create", "delete", "get", "list", "patch", "update", "watch").forEach(verbs::add);
    ArrayNode names = resource.putArray("shortNames");
    shortNames.forEach(names::add);
    return resource;
  }
}
