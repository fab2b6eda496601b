package dev.tap.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.api.v1alpha1.KeyAttribute;
import dev.tap.operator.api.v1alpha1.KeyType;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The CRD's rules as the real API server's admission runs them, each change applied server-side as
 * Argo CD applies a manifest (a field the manifest no longer has is removed): immutable values cannot
 * change through removal, and effective values are what is compared.
 */
class CrdRulesTest {

  private static final String MANAGER = "argocd-controller";
  private final RealCluster cluster = RealCluster.get();

  private ServerlessApi apply(UnaryOperator<ServerlessApi> edit) {
    ServerlessApi api = edit.apply(OperatorHarness.sample("dev.yaml", "ruled", a -> a));
    return cluster.admin.resource(api).fieldManager(MANAGER).forceConflicts().serverSideApply();
  }

  @AfterEach
  void remove() {
    cluster.admin.resources(ServerlessApi.class).inNamespace(OperatorHarness.NAMESPACE).withName("ruled").delete();
  }

  @Test
  void the_region_can_be_neither_removed_nor_changed_through_removal() {
    apply(api -> api);

    assertThatThrownBy(() -> apply(api -> {
      api.getSpec().setRegion(null);
      return api;
    })).isInstanceOf(KubernetesClientException.class).hasMessageContaining("region is immutable");
    assertThatThrownBy(() -> apply(api -> {
      api.getSpec().setRegion("eu-west-1");
      return api;
    })).isInstanceOf(KubernetesClientException.class).hasMessageContaining("region is immutable");
  }

  @Test
  void the_partition_key_compares_by_its_effective_value() {
    apply(api -> {
      api.getSpec().getTable().setPartitionKey(null);
      return api;
    });

    ServerlessApi explicit = apply(api -> {
      api.getSpec().getTable().setPartitionKey(key("id"));
      return api;
    });
    assertThat(explicit.getSpec().getTable().getPartitionKey().getName()).isEqualTo("id");
    assertThatThrownBy(() -> apply(api -> {
      api.getSpec().getTable().setPartitionKey(key("pk"));
      return api;
    })).isInstanceOf(KubernetesClientException.class).hasMessageContaining("partitionKey is immutable");
  }

  @Test
  void the_gated_sample_is_admitted_and_an_approval_between_steps_is_refused_naming_the_field() {
    ServerlessApi gated = OperatorHarness.sample("prod-gated.yaml", "ruled", a -> a);
    ServerlessApi admitted = cluster.admin.resource(gated).fieldManager(MANAGER).forceConflicts().serverSideApply();
    assertThat(admitted.getSpec().getFunction().getDeployment().getAnalysis()).hasSize(1);

    gated.getSpec().getFunction().getDeployment().getApproval().setBeforePercent(50);
    assertThatThrownBy(() -> cluster.admin.resource(gated).fieldManager(MANAGER).forceConflicts().serverSideApply())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.function.deployment.approval.beforePercent")
        .hasMessageContaining("must be the share of one of the strategy's steps");
  }

  @Test
  void an_index_may_be_removed_and_added_back() {
    apply(api -> api);
    ServerlessApi without = apply(api -> {
      api.getSpec().getTable().setGlobalSecondaryIndexes(List.of());
      return api;
    });
    assertThat(without.getSpec().getTable().getGlobalSecondaryIndexes()).isNullOrEmpty();

    ServerlessApi back = apply(api -> api);
    assertThat(back.getSpec().getTable().getGlobalSecondaryIndexes()).hasSize(1);
  }

  private static KeyAttribute key(String name) {
    KeyAttribute key = new KeyAttribute();
    key.setName(name);
    key.setType(KeyType.S);
    return key;
  }
}
