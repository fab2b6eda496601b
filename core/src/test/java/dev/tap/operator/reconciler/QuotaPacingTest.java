package dev.tap.operator.reconciler;

import static dev.tap.operator.OperatorHarness.PATIENCE;
import static dev.tap.operator.OperatorHarness.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.OperatorTest;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AwsPacing;
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@OperatorTest
class QuotaPacingTest {

  static KubernetesClient client;
  private static final int RESOURCES = 8;

  @Test
  void many_resources_created_at_once_stay_within_the_documented_rates() {
    try (OperatorHarness operator = OperatorHarness.startPaced(client, AwsPacing.DOCUMENTED)) {
      // The simulated AWS refuses what real AWS would refuse: every documented quota, enforced.
      AwsPacing.DOCUMENTED.forEach(q -> operator.aws.rateLimits().limit(q.service(), q.operation(), q.perSecond(), q.burst()));
      List<String> names = IntStream.range(0, RESOURCES).mapToObj(i -> "many" + i).toList();
      names.forEach(name -> operator.create(sample("prod.yaml", name, api -> api)));

      // API Gateway takes one CreateRestApi per 3 s and one CreateDeployment per 5 s: the shared clock
      // moves on a second at each look, so the quotas' minutes pass without waiting for them.
      await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
        operator.clock.jump(Duration.ofSeconds(1));
        return names.stream().allMatch(name -> operator.has(name, Conditions.READY, Conditions.TRUE));
      });

      assertThat(operator.aws.rateLimits().refused()).as("calls AWS refused as over a quota").isEmpty();
      assertThat(operator.aws.calls().count("lambda", "CreateFunction")).isEqualTo(RESOURCES);
      // An admitted pass keeps its tokens: no creation is cut off between CreateFunction and its code tag.
      assertThat(operator.aws.calls().count("lambda", "UpdateFunctionCode")).isZero();
      assertThat(operator.aws.calls().count("monitoring", "PutMetricAlarm")).isEqualTo(2L * RESOURCES);
    }
  }

  @Test
  void a_call_over_the_account_quota_waits_with_a_condition_saying_so_and_goes_once_time_has_come() {
    try (OperatorHarness operator = OperatorHarness.startPaced(client,
        List.of(new AwsPacing.Quota("dynamodb", "CreateTable", 1.0 / 600, 1)))) {
      operator.create(sample("dev.yaml", "first", api -> api));
      operator.awaitCondition("first", Conditions.READY, Conditions.TRUE);

      operator.create(sample("dev.yaml", "second", api -> api));
      // First it records the identity (Progressing too), then it meets the quota.
      await().atMost(OperatorHarness.PATIENCE).until(() -> OperatorHarness.condition(operator.get("second"),
          Conditions.PROGRESSING).map(c -> "WaitingForQuota".equals(c.getReason())).orElse(false));
      ServerlessApi waiting = operator.get("second");

      var progressing = OperatorHarness.condition(waiting, Conditions.PROGRESSING).orElseThrow();
      assertThat(progressing.getMessage()).contains("waiting for the DynamoDB CreateTable quota (1 per 600 s in us-east-1)");
      assertThat(OperatorHarness.condition(waiting, Conditions.RECOVERABLE)).isEmpty();
      assertThat(operator.aws.calls().count("dynamodb", "CreateTable")).isEqualTo(1);

      operator.clock.jump(Duration.ofMinutes(11));

      operator.awaitCondition("second", Conditions.READY, Conditions.TRUE);
      assertThat(operator.aws.calls().count("dynamodb", "CreateTable")).isEqualTo(2);
    }
  }
}
