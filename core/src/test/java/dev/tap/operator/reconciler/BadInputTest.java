package dev.tap.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tap.operator.OperatorHarness;
import dev.tap.operator.OperatorTest;
import dev.tap.operator.Samples;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

/** What a cluster can hand the operator that its Java types do not expect: it answers in status, never crashes. */
@OperatorTest
class BadInputTest {

  static KubernetesClient client;
  private OperatorHarness operator;

  /** Stored as is, as an API server that does not prune (or a CRD newer than the operator) would keep it. */
  private void store(ObjectNode document) {
    client.genericKubernetesResources(ServerlessApi.API_VERSION, ServerlessApi.KIND).inNamespace(OperatorHarness.NAMESPACE)
        .resource(Serialization.jsonMapper().convertValue(document, GenericKubernetesResource.class)).create();
  }

  private static ObjectNode sample(String name) {
    return Samples.with(Samples.with(Samples.load("dev.yaml"), "metadata.namespace", OperatorHarness.NAMESPACE),
        "metadata.name", name);
  }

  @Test
  void an_unknown_field_is_tolerated_and_the_operator_keeps_working() {
    store(Samples.with(sample("typo"), "spec.table.readCapacityy", "5"));
    operator.create(OperatorHarness.sample("dev.yaml", "after", api -> api));

    operator.awaitCondition("after", Conditions.READY, Conditions.TRUE);
    operator.awaitCondition("typo", Conditions.READY, Conditions.TRUE);
  }

  @Test
  void a_resource_without_spec_is_terminal_and_costs_no_aws_call() {
    ObjectNode noSpec = sample("empty");
    noSpec.remove("spec");
    store(noSpec);

    ServerlessApi terminal = operator.awaitCondition("empty", Conditions.TERMINAL, Conditions.TRUE);

    assertThat(OperatorHarness.condition(terminal, Conditions.TERMINAL).orElseThrow().getMessage()).contains("spec");
    assertThat(OperatorHarness.condition(terminal, Conditions.RECOVERABLE)).isEmpty();
    assertThat(operator.aws.calls().total()).isZero();
  }
}
