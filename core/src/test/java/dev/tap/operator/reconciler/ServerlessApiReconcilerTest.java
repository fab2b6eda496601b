package dev.tap.operator.reconciler;

import static dev.tap.operator.OperatorHarness.PATIENCE;
import static dev.tap.operator.OperatorHarness.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.OperatorTest;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The reconciler's contract with Kubernetes: finalizer, status, Terminal on a bad spec, deletion. */
@OperatorTest
class ServerlessApiReconcilerTest {

  static KubernetesClient client;
  private OperatorHarness operator;

  @Test
  void a_valid_resource_gets_a_finalizer_becomes_ready_and_keeps_its_spec() {
    ServerlessApi created = operator.create(OperatorHarness.sample("dev.yaml", "valid", api -> api));

    ServerlessApi api = operator.awaitCondition("valid", Conditions.READY, Conditions.TRUE);

    assertThat(api.getMetadata().getFinalizers()).hasSize(1);
    assertThat(api.getStatus().getObservedGeneration()).isEqualTo(api.getMetadata().getGeneration());
    assertThat(condition(api, Conditions.RESOURCE_SYNCED)).get().returns(Conditions.TRUE, Condition::getStatus);
    assertThat(condition(api, Conditions.TERMINAL)).isEmpty();
    assertThat(Serialization.asJson(api.getSpec())).isEqualTo(Serialization.asJson(created.getSpec()));
  }

  @Test
  void an_invalid_spec_is_terminal_with_the_field_in_the_message_until_it_is_fixed() {
    operator.create(OperatorHarness.sample("dev.yaml", "invalid", api -> {
      api.getSpec().getTable().setReadCapacity(0L);
      return api;
    }));

    ServerlessApi terminal = operator.awaitCondition("invalid", Conditions.TERMINAL, Conditions.TRUE);

    assertThat(condition(terminal, Conditions.TERMINAL).orElseThrow().getMessage()).contains("spec.table.readCapacity");
    assertThat(condition(terminal, Conditions.RESOURCE_SYNCED)).get().returns(Conditions.FALSE, Condition::getStatus);
    assertThat(operator.aws.calls().total()).isZero();

    operator.edit("invalid", api -> {
      api.getSpec().getTable().setReadCapacity(1L);
      return api;
    });

    ServerlessApi fixed = operator.awaitCondition("invalid", Conditions.READY, Conditions.TRUE);
    assertThat(condition(fixed, Conditions.TERMINAL)).isEmpty();
    assertThat(fixed.getStatus().getObservedGeneration()).isEqualTo(2L);
  }

  @Test
  void a_failure_that_is_no_aws_error_is_retried_and_logged_with_its_stack_trace() {
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      operator.aws.faults().inject("dynamodb", "DescribeTable", 1, () -> new NullPointerException("a bug"));
      operator.create(OperatorHarness.sample("dev.yaml", "buggy", api -> api));

      operator.awaitCondition("buggy", Conditions.READY, Conditions.TRUE);
    } finally {
      System.setErr(stderr);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).contains("default/buggy: table failed unexpectedly")
        .contains("java.lang.NullPointerException: a bug").contains("\tat ");
  }

  @Test
  void deleting_a_resource_completes() {
    operator.create(OperatorHarness.sample("dev.yaml", "doomed", api -> api));
    operator.awaitCondition("doomed", Conditions.READY, Conditions.TRUE);

    client.resources(ServerlessApi.class).inNamespace(OperatorHarness.NAMESPACE).withName("doomed").delete();

    await().atMost(PATIENCE).until(() -> operator.get("doomed") == null);
  }
}
