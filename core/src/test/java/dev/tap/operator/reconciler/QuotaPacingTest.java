package dev.tap.operator.reconciler;

import static dev.tap.operator.OperatorHarness.PATIENCE;
import static dev.tap.operator.OperatorHarness.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.OperatorTest;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AwsCallHook;
import dev.tap.operator.aws.AwsPacing;
import dev.tap.operator.aws.AwsServices;
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

  @Test
  void a_resource_waiting_for_its_turn_sends_nothing_until_then() {
    List<String> calls = new CopyOnWriteArrayList<>();
    try (OperatorHarness operator = waitingForADeployment(OperatorHarness.FAST, calls)) {
      int held = calls.size();

      // A resync every 300 ms meanwhile: none sends a call.
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> calls.size() == held);

      operator.clock.jump(Duration.ofMinutes(11));
      operator.awaitCondition("patient", Conditions.READY, Conditions.TRUE);
      assertThat(calls.subList(held, calls.size())).contains("apigateway:CreateDeployment");
    }
  }

  @Test
  void at_its_turn_a_resource_reads_again_only_what_was_not_in_sync_when_it_was_held_back() {
    List<String> calls = new CopyOnWriteArrayList<>();
    try (OperatorHarness operator = waitingForADeployment(OperatorHarness.RARE_RESYNC, calls)) {
      int held = calls.size();

      operator.clock.jump(Duration.ofMinutes(11));
      // Its next look is 10 minutes away in real time: a kubectl tap command brings it now.
      operator.client.resources(ServerlessApi.class).inNamespace(OperatorHarness.NAMESPACE).withName("patient")
          .edit(api -> {
            api.getMetadata().getAnnotations().put("rollout.tap.dev/paused", "false");
            return api;
          });
      operator.awaitCondition("patient", Conditions.READY, Conditions.TRUE);
      List<String> atTurn = calls.subList(held, calls.indexOf("apigateway:CreateDeployment"));
      // The table and its scaling were in sync 11 minutes ago, within a resync: not read again. The function and
      // the alarms are, as a rollout acts on them.
      assertThat(atTurn).as("calls at its turn, before the deployment")
          .noneMatch(call -> call.startsWith("dynamodb:") || call.startsWith("application-autoscaling:"))
          .contains("apigateway:GetRestApi", "lambda:GetFunction", "monitoring:DescribeAlarms");
    }
  }

  /** A resource held back by API Gateway's CreateDeployment quota for 10 minutes: someone else just took its one call. */
  private static OperatorHarness waitingForADeployment(OperatorSettings settings, List<String> calls) {
    AwsCallHook record = (service, region, operation) -> calls.add(service.name() + ":" + operation);
    OperatorHarness operator = OperatorHarness.startPaced(client,
        List.of(new AwsPacing.Quota("apigateway", "CreateDeployment", 1.0 / 600, 1)), settings, record);
    operator.pacing().take(OperatorHarness.REGION, AwsServices.API_GATEWAY, "CreateDeployment");
    operator.create(sample("dev.yaml", "patient", api -> {
      api.getMetadata().setAnnotations(new java.util.HashMap<>());
      return api;
    }));
    await().atMost(PATIENCE).until(() -> OperatorHarness.condition(operator.get("patient"), Conditions.PROGRESSING)
        .map(c -> "WaitingForQuota".equals(c.getReason()) && c.getMessage().contains("CreateDeployment")).orElse(false));
    return operator;
  }
}
