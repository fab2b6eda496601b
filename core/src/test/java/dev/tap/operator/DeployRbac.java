package dev.tap.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of deploy/base/rbac.yaml's ClusterRole and Role, read from the file the cluster applies,
 * so that what a test expects to be used is what users install.
 */
public final class DeployRbac {

  /** The namespace deploy/kustomization.yaml puts the operator (and its Role) in. */
  public static final String OPERATOR_NAMESPACE = "tap-system";
  public static final Path FILE = Path.of("..", "deploy", "base", "rbac.yaml");

  /** One rule of a (Cluster)Role; {@code namespace} null for a ClusterRole's. */
  public record Rule(String namespace, List<String> groups, List<String> resources, List<String> verbs,
      List<String> names) {
    public boolean allows(Access access) {
      return (namespace == null || namespace.equals(access.namespace())) && groups.contains(access.group())
          && resources.contains(access.resource()) && verbs.contains(access.verb())
          && (names.isEmpty() || names.contains(access.name()));
    }
  }

  /** One request as RBAC sees it. */
  public record Access(String group, String resource, String namespace, String name, String verb) {}

  private DeployRbac() {}

  public static List<Rule> rules() {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<Rule> rules = new ArrayList<>();
    try (MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class).readValues(FILE.toFile())) {
      for (JsonNode document : documents.readAll()) {
        String kind = document.path("kind").asText();
        if (!kind.equals("ClusterRole") && !kind.equals("Role")) {
          continue;
        }
        String namespace = kind.equals("Role") ? OPERATOR_NAMESPACE : null;
        for (JsonNode rule : document.path("rules")) {
          rules.add(new Rule(namespace, strings(rule.path("apiGroups")), strings(rule.path("resources")),
              strings(rule.path("verbs")), strings(rule.path("resourceNames"))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rules;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
