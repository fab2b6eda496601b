package dev.tap.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.DeployRbac.Access;
import dev.tap.operator.DeployRbac.Rule;
import dev.tap.operator.DeployRbac;
import dev.tap.operator.KubernetesRequestLog;
import dev.tap.operator.OperatorHarness;
import dev.tap.operator.status.Conditions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/'s RBAC is least privilege, proven by the real authorizer: the operator acts as deploy/'s
 * ServiceAccount on a real API server where deploy/ is applied, and over a whole life (leader
 * election, create with its generated Secret, Events, an update, a rollout, deletion) no request is
 * forbidden; and every verb on every resource the roles grant was used. Requests any authenticated
 * user may make (JOSDK's SelfSubjectRulesReview) are exempt.
 */
class RbacTest {

  /**
   * Grants checked for but never used: JOSDK's leader election requires {@code update} on its Lease at
   * start (a SelfSubjectRulesReview), though fabric8 then renews the Lease with patches.
   */
  private static final Set<String> NEEDED_UNUSED = Set.of("coordination.k8s.io/leases:update");


  private static final Pattern PATH = Pattern.compile(
      "^/(?:api/v1|apis/([^/]+)/[^/]+)(?:/namespaces/([^/]+))?/([^/]+)(?:/([^/]+))?(?:/([^/]+))?$");

  @Test
  void every_request_over_a_whole_life_is_allowed_and_every_grant_is_used() throws Exception {
    RealCluster cluster = RealCluster.get();
    // A fresh election, so that the life includes creating the Lease (another test may have left one).
    cluster.admin.leases().inNamespace(DeployRbac.OPERATOR_NAMESPACE).withName("tap-operator")
        .withTimeout(30, TimeUnit.SECONDS).delete();
    List<KubernetesRequestLog.Request> requests;
    List<KubernetesRequestLog.Refusal> forbidden;
    try (OperatorHarness operator = OperatorHarness.startOnRealApiServer(cluster.admin, cluster.operatorConfig())) {
      operator.restartElected(DeployRbac.OPERATOR_NAMESPACE);
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
      forbidden = operator.kubernetesRequests.forbidden();
    }
    assertThat(forbidden).as("requests the real authorizer refused").isEmpty();

    List<Rule> rules = DeployRbac.rules();
    Set<Access> accesses = new LinkedHashSet<>();
    for (KubernetesRequestLog.Request request : requests) {
      if (request.path().startsWith("/apis/authorization.k8s.io/")) {
        continue;
      }
      accesses.add(access(request));
    }
    for (Rule rule : rules) {
      for (String group : rule.groups()) {
        for (String resource : rule.resources()) {
          for (String verb : rule.verbs()) {
            if (NEEDED_UNUSED.contains(group + "/" + resource + ":" + verb)) {
              continue;
            }
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

}
