package dev.tap.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/'s RBAC is least privilege, proven: every request the operator makes to the Kubernetes API
 * over a whole life (leader election, create with its generated Secret, Events, an update, a rollout,
 * deletion) is allowed by the ClusterRole and the Role, and every verb on every resource they grant
 * was used. Requests any authenticated user may make (JOSDK's SelfSubjectRulesReview) are exempt.
 */
@EnableKubernetesMockClient(crud = true)
class RbacTest {

  static KubernetesClient client;
  static KubernetesMockServer server;

  private static final String OPERATOR_NAMESPACE = "tap-system";
  private static final Pattern PATH = Pattern.compile(
      "^/(?:api/v1|apis/([^/]+)/[^/]+)(?:/namespaces/([^/]+))?/([^/]+)(?:/([^/]+))?(?:/([^/]+))?$");

  /** One rule of a (Cluster)Role; {@code namespace} null for a ClusterRole. */
  record Rule(String namespace, List<String> groups, List<String> resources, List<String> verbs, List<String> names) {
    boolean allows(Access access) {
      return (namespace == null || namespace.equals(access.namespace())) && groups.contains(access.group())
          && resources.contains(access.resource()) && verbs.contains(access.verb())
          && (names.isEmpty() || names.contains(access.name()));
    }
  }

  /** One request as RBAC sees it. */
  record Access(String group, String resource, String namespace, String name, String verb) {}

  @Test
  void every_request_over_a_whole_life_is_allowed_and_every_grant_is_used() throws Exception {
    OperatorHarness.installCrd(client);
    OperatorHarness.answerLeaseRulesReview(server);
    List<KubernetesRequestLog.Request> requests;
    try (OperatorHarness operator = OperatorHarness.start(client)) {
      operator.restartElected(OPERATOR_NAMESPACE);
      operator.liveAWholeLife("rbac", () -> {
        // The same drift twice: the second Event is the first one counted again (a patch).
        String apiId = operator.get("rbac").getStatus().getApi().getId();
        for (int drift = 0; drift < 2; drift++) {
          operator.aws.apiGateway(OperatorHarness.REGION).updateStage(r -> r.restApiId(apiId).stageName("prod")
              .patchOperations(p -> p.op("replace").path("/*/*/throttling/rateLimit").value("5")));
          operator.reconcileOnceMore("rbac");
          operator.awaitCondition("rbac", Conditions.READY, Conditions.TRUE);
        }
      });
      requests = operator.kubernetesRequests.requests();
    }

    List<Rule> rules = rules(Path.of("..", "deploy", "base", "rbac.yaml"));
    Set<Access> accesses = new LinkedHashSet<>();
    for (KubernetesRequestLog.Request request : requests) {
      if (request.path().startsWith("/apis/authorization.k8s.io/")) {
        continue;
      }
      Access access = access(request);
      assertThat(rules).as("%s %s?%s is allowed by deploy/base/rbac.yaml", request.method(), request.path(), request.query())
          .anySatisfy(rule -> assertThat(rule.allows(access)).isTrue());
      accesses.add(access);
    }
    for (Rule rule : rules) {
      for (String group : rule.groups()) {
        for (String resource : rule.resources()) {
          for (String verb : rule.verbs()) {
            assertThat(accesses).as("deploy/base/rbac.yaml grants %s on %s/%s%s: never used", verb, group, resource,
                rule.names().isEmpty() ? "" : " " + rule.names())
                .anySatisfy(a -> assertThat(a.group().equals(group) && a.resource().equals(resource)
                    && a.verb().equals(verb) && rule.allows(a)).isTrue());
          }
        }
      }
    }
  }

  private static Access access(KubernetesRequestLog.Request request) {
    Matcher m = PATH.matcher(request.path());
    assertThat(m.matches()).as("a resource path: " + request.path()).isTrue();
    String group = m.group(1) == null ? "" : m.group(1);
    String resource = m.group(3) + (m.group(5) == null ? "" : "/" + m.group(5));
    String name = m.group(4);
    boolean watch = request.query() != null && request.query().contains("watch=true");
    String verb = switch (request.method()) {
      case "GET" -> watch ? "watch" : name == null ? "list" : "get";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> name == null ? "deletecollection" : "delete";
      default -> throw new AssertionError("unexpected method " + request.method());
    };
    return new Access(group, resource, m.group(2), name, verb);
  }

  private static List<Rule> rules(Path file) throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<Rule> rules = new ArrayList<>();
    try (MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
      for (JsonNode document : documents.readAll()) {
        String kind = document.path("kind").asText();
        if (!kind.equals("ClusterRole") && !kind.equals("Role")) {
          continue;
        }
        // A Role lands in the operator's namespace (deploy/kustomization.yaml sets it).
        String namespace = kind.equals("Role") ? OPERATOR_NAMESPACE : null;
        for (JsonNode rule : document.path("rules")) {
          rules.add(new Rule(namespace, strings(rule.path("apiGroups")), strings(rule.path("resources")),
              strings(rule.path("verbs")), strings(rule.path("resourceNames"))));
        }
      }
    }
    return rules;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
