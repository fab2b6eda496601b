package dev.tap.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.CanaryAtFirstStep;
import dev.tap.operator.OperatorHarness;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.api.v1alpha1.ServerlessApiStatus;
import dev.tap.operator.cli.plugin.KubectlTap;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl tap as the people deploy/base/rbac-users.yaml is for, on the real API server with RBAC on: one
 * bound to serverlessapi-rollouts steers a rollout (a patch of annotations, the generation unmoved), one
 * bound to serverlessapi-view reads it and is refused a command in one line naming the missing grant.
 */
class KubectlTapRbacTest {

  private final RealCluster cluster = RealCluster.get();

  @TempDir
  Path dir;

  private static KubectlTap.Said tap(Path kubeconfig, String... command) {
    return KubectlTap.run(kubeconfig, OperatorHarness.NAMESPACE, "steered", command);
  }

  /** A ServiceAccount of the namespace bound to {@code clusterRole} there; its kubeconfig. */
  private Path person(String name, String clusterRole) throws Exception {
    String namespace = OperatorHarness.NAMESPACE;
    cluster.admin.serviceAccounts().inNamespace(namespace).resource(new ServiceAccountBuilder().withNewMetadata()
        .withName(name).endMetadata().build()).createOr(existing -> existing.update());
    cluster.admin.rbac().roleBindings().inNamespace(namespace).resource(new RoleBindingBuilder().withNewMetadata()
        .withName(name).endMetadata().withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", clusterRole)
        .addNewSubject().withKind("ServiceAccount").withName(name).withNamespace(namespace).endSubject().build())
        .createOr(existing -> existing.update());
    Path kubeconfig = dir.resolve(name + ".kubeconfig");
    Files.writeString(kubeconfig, cluster.serviceAccountKubeconfig(namespace, name));
    return kubeconfig;
  }

  @Test
  void the_rollouts_role_steers_and_the_view_role_reads_and_is_refused_in_one_line() throws Exception {
    ServerlessApi created = cluster.admin.resource(OperatorHarness.sample("prod.yaml", "steered", a -> a)).create();
    created.setStatus(new ServerlessApiStatus());
    created.getStatus().setRollout(CanaryAtFirstStep.rollout());
    cluster.admin.resource(created).updateStatus();
    Path oncall = person("oncall", "serverlessapi-rollouts");
    Path viewer = person("viewer", "serverlessapi-view");

    KubectlTap.Said promoted = tap(oncall, "promote");
    KubectlTap.Said paused = tap(oncall, "pause");
    KubectlTap.Said status = tap(viewer, "status");
    KubectlTap.Said refused = tap(viewer, "abort");

    assertThat(promoted.exit()).as(promoted.out()).isZero();
    assertThat(promoted.out()).contains("default/steered: asked the operator to move version 2 to its next step now");
    assertThat(paused.exit()).as(paused.out()).isZero();
    assertThat(status.exit()).as(status.out()).isZero();
    assertThat(status.out()).contains("rollout   Progressing: version 2 over 1, step 1 at 10 %");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.out().strip()).doesNotContain("\n").startsWith("kubectl tap abort: ")
        .contains("forbidden", "system:serviceaccount:default:viewer", "patch");
    ServerlessApi steered = cluster.admin.resources(ServerlessApi.class).inNamespace(OperatorHarness.NAMESPACE)
        .withName("steered").get();
    assertThat(steered.getMetadata().getAnnotations()).containsKey("rollout.tap.dev/paused")
        .hasEntrySatisfying("rollout.tap.dev/promote", value -> assertThat(value).startsWith("2/"))
        .doesNotContainKey("rollout.tap.dev/abort");
    assertThat(steered.getMetadata().getGeneration()).as("annotations only").isEqualTo(created.getMetadata().getGeneration());
    cluster.admin.resource(steered).delete();
  }
}
