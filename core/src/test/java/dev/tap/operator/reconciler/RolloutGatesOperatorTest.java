package dev.tap.operator.reconciler;

import static dev.tap.operator.OperatorHarness.PATIENCE;
import static dev.tap.operator.OperatorHarness.REGION;
import static dev.tap.operator.OperatorHarness.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.OperatorTest;
import dev.tap.operator.api.v1alpha1.RolloutStatus;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.api.v1alpha1.TrafficCheck;
import dev.tap.operator.aws.simulated.cloudwatch.MetricStore;
import dev.tap.operator.aws.simulated.lambda.FunctionInvoker;
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;

/**
 * prod-gated.yaml's gates on the simulated AWS: the canary's own metrics (by ExecutedVersion) put in
 * the simulated CloudWatch, the approval step answered through the kubectl tap annotation, a
 * pre-traffic check answered by a stand-in for the function's code.
 */
@OperatorTest
class RolloutGatesOperatorTest {

  static KubernetesClient client;
  private OperatorHarness operator;

  private GetAliasResponse alias(String name) {
    return operator.aws.lambda(REGION).getAlias(r -> r.functionName(name + "-api-prod").name("prod"));
  }

  private Map<String, Double> weights(String name) {
    GetAliasResponse alias = alias(name);
    return alias.routingConfig() == null ? Map.of() : alias.routingConfig().additionalVersionWeights();
  }

  private RolloutStatus rollout(String name) {
    return operator.get(name).getStatus().getRollout();
  }

  private void rollOutVersion2(String name) {
    operator.awaitCondition(name, Conditions.READY, Conditions.TRUE);
    operator.edit(name, a -> {
      a.getSpec().getFunction().setMemorySize(1024);
      return a;
    });
  }

  /** {@code requests} invocations of version 2 through the alias, {@code errors} of them failed, as Lambda reports them. */
  private void served(String name, int requests, int errors) {
    MetricStore metrics = operator.aws.cloudWatch(REGION).state().metrics();
    Map<String, String> dimensions = Map.of("FunctionName", name + "-api-prod", "Resource", name + "-api-prod:prod",
        "ExecutedVersion", "2");
    Instant now = operator.clock.instant();
    for (int i = 0; i < requests; i++) {
      metrics.put(new MetricStore.Series("AWS/Lambda", "Invocations", dimensions), now, 1);
      metrics.put(new MetricStore.Series("AWS/Lambda", "Errors", dimensions), now, i < errors ? 1 : 0);
      metrics.put(new MetricStore.Series("AWS/Lambda", "Duration", dimensions), now, 40);
    }
  }

  private List<String> eventReasons() {
    return client.v1().events().inNamespace("default").list().getItems().stream().map(e -> e.getReason()).toList();
  }

  @Test
  void a_canary_failing_a_quarter_of_its_requests_is_sent_back_by_its_gate_before_its_step_ends() {
    operator.create(sample("prod-gated.yaml", "gate", a -> a));
    rollOutVersion2("gate");
    await().atMost(PATIENCE).until(() -> weights("gate").equals(Map.of("2", 0.1)));

    served("gate", 40, 10);
    operator.clock.jump(Duration.ofSeconds(40));
    operator.reconcileOnceMore("gate");

    await().atMost(PATIENCE).until(() -> RolloutStatus.ROLLED_BACK.equals(rollout("gate").getPhase()));
    assertThat(alias("gate").functionVersion()).isEqualTo("1");
    assertThat(weights("gate")).isEmpty();
    assertThat(rollout("gate").getAlarm()).isEqualTo("analysis gate ErrorRate");
    assertThat(rollout("gate").getGates()).singleElement().satisfies(g -> {
      assertThat(g.getResult()).isEqualTo("Failed");
      assertThat(g.getValue()).isEqualTo(25.0);
      assertThat(g.getRequests()).isEqualTo(40);
    });
    assertThat(alias("gate").description()).isEqualTo("rolled back version 2 after analysis gate ErrorRate");
    assertThat(eventReasons()).contains("AnalysisFailed", "RolledBack");
    assertThat(operator.aws.calls().count("monitoring", "GetMetricData")).isPositive();
  }

  @Test
  void a_healthy_canary_waits_at_the_approval_step_until_kubectl_tap_promote() {
    operator.create(sample("prod-gated.yaml", "approve", a -> a));
    rollOutVersion2("approve");
    await().atMost(PATIENCE).until(() -> weights("approve").equals(Map.of("2", 0.1)));

    served("approve", 50, 0);
    operator.clock.jump(Duration.ofMinutes(5));
    operator.reconcileOnceMore("approve");
    await().atMost(PATIENCE).until(() -> rollout("approve").getMessage().contains("waiting for approval"));
    operator.clock.jump(Duration.ofMinutes(10));
    operator.reconcileOnceMore("approve");
    assertThat(weights("approve")).as("still the canary: nobody approved").isEqualTo(Map.of("2", 0.1));
    assertThat(rollout("approve").getGates()).singleElement().satisfies(g -> assertThat(g.getResult()).isEqualTo("Passed"));

    operator.edit("approve", a -> {
      Map<String, String> annotations = new HashMap<>(a.getMetadata().getAnnotations());
      annotations.put("rollout.tap.dev/promote", "2/approved-by-test");
      a.getMetadata().setAnnotations(annotations);
      return a;
    });

    ServerlessApi done = operator.awaitCondition("approve", Conditions.READY, Conditions.TRUE);
    assertThat(alias("approve").functionVersion()).isEqualTo("2");
    assertThat(weights("approve")).isEmpty();
    assertThat(done.getStatus().getRolloutCommands()).containsEntry("promote", "2/approved-by-test");
    assertThat(eventReasons()).contains("AnalysisPassed", "MovedAlias");
  }

  @Test
  void a_failing_pre_traffic_check_rolls_back_before_any_traffic_moves() {
    operator.aws.lambda(REGION).state().invoker((region, function, version, settings, payload) ->
        new FunctionInvoker.Outcome("{\"statusCode\":503,\"body\":\"{}\"}", false));
    TrafficCheck listItems = new TrafficCheck();
    listItems.setPath("/items");
    listItems.setExpectStatus(200);
    operator.create(sample("prod.yaml", "precheck", a -> {
      a.getSpec().getFunction().getDeployment().setTrafficChecks(List.of(listItems));
      return a;
    }));
    rollOutVersion2("precheck");

    await().atMost(PATIENCE).until(() -> rollout("precheck") != null
        && RolloutStatus.ROLLED_BACK.equals(rollout("precheck").getPhase()));
    assertThat(rollout("precheck").getChecks()).singleElement().satisfies(c -> {
      assertThat(c.getPhase()).isEqualTo("PreTraffic");
      assertThat(c.getStatus()).isEqualTo(503);
      assertThat(c.getMessage()).isEqualTo("answered 503, expected 200");
    });
    assertThat(alias("precheck").functionVersion()).isEqualTo("1");
    assertThat(operator.aws.calls().count("lambda", "UpdateAlias")).as("only the rollback's record: no weight ever set")
        .isEqualTo(1);
    assertThat(operator.aws.calls().count("lambda", "Invoke")).isEqualTo(1);
    assertThat(eventReasons()).contains("PreTrafficChecksFailed");
  }
}
