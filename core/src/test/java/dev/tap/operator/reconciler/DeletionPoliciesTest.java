package dev.tap.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.api.v1alpha1.DeletionPolicy;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeletionPoliciesTest {

  @Test
  void spec_wins_then_the_ack_annotation_then_retain_for_prod_and_delete_elsewhere() {
    ServerlessApi prod = OperatorHarness.sample("prod.yaml", "p", api -> api);
    prod.getSpec().setDeletionPolicy(null);
    ServerlessApi dev = OperatorHarness.sample("dev.yaml", "d", api -> api);
    dev.getSpec().setDeletionPolicy(null);

    assertThat(DeletionPolicies.resolve(prod)).isEqualTo(DeletionPolicy.Retain);
    assertThat(DeletionPolicies.resolve(dev)).isEqualTo(DeletionPolicy.Delete);
    dev.getMetadata().setAnnotations(Map.of("services.k8s.aws/deletion-policy", "retain"));
    assertThat(DeletionPolicies.resolve(dev)).isEqualTo(DeletionPolicy.Retain);
    dev.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    assertThat(DeletionPolicies.resolve(dev)).isEqualTo(DeletionPolicy.Delete);
  }
}
