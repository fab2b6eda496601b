package dev.tap.operator.reconciler;

import static dev.tap.operator.OperatorHarness.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AwsPacing;
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class QuotaPacingTest {

  static KubernetesClient client;

  @Test
  void a_call_over_the_account_quota_waits_with_a_condition_saying_so_and_goes_once_time_has_come() {
    OperatorHarness.installCrd(client);
    try (OperatorHarness operator = OperatorHarness.startPaced(client,
        List.of(new AwsPacing.Quota("dynamodb", "CreateTable", 1.0 / 600, 1)))) {
      operator.create(sample("dev.yaml", "first", api -> api));
      operator.awaitCondition("first", Conditions.READY, Conditions.TRUE);

      operator.create(sample("dev.yaml", "second", api -> api));
      ServerlessApi waiting = operator.awaitCondition("second", Conditions.PROGRESSING, Conditions.TRUE);

      var progressing = OperatorHarness.condition(waiting, Conditions.PROGRESSING).orElseThrow();
      assertThat(progressing.getReason()).isEqualTo("WaitingForQuota");
      assertThat(progressing.getMessage()).contains("waiting for the DynamoDB CreateTable quota (1 per 600 s in us-east-1)");
      assertThat(OperatorHarness.condition(waiting, Conditions.RECOVERABLE)).isEmpty();
      assertThat(operator.aws.calls().count("dynamodb", "CreateTable")).isEqualTo(1);

      operator.clock.jump(Duration.ofMinutes(10));

      operator.awaitCondition("second", Conditions.READY, Conditions.TRUE);
      assertThat(operator.aws.calls().count("dynamodb", "CreateTable")).isEqualTo(2);
    }
  }
}
