package dev.tap.operator.reconciler;

import static dev.tap.operator.OperatorHarness.PATIENCE;
import static dev.tap.operator.OperatorHarness.REGION;
import static dev.tap.operator.OperatorHarness.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.OperatorTest;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.simulated.cloudwatch.SimulatedCloudWatch;
import dev.tap.operator.aws.simulated.lambda.SimulatedLambda;
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;

/** Canary and linear rollouts of the alias on the simulated Lambda, stepped by moving the shared clock. */
@OperatorTest
class RolloutTest {

  static KubernetesClient client;
  private OperatorHarness operator;

  private SimulatedLambda lambda() {
    return operator.aws.lambda(REGION);
  }

  private SimulatedCloudWatch cloudWatch() {
    return operator.aws.cloudWatch(REGION);
  }

  private GetAliasResponse alias(String name) {
    return lambda().getAlias(r -> r.functionName(name + "-api-prod").name("prod"));
  }

  private Map<String, Double> weights(String name) {
    GetAliasResponse alias = alias(name);
    return alias.routingConfig() == null ? Map.of() : alias.routingConfig().additionalVersionWeights();
  }

  private boolean alarmExists(String name) {
    return cloudWatch().state().peekAlarms().stream().map(MetricAlarm::alarmName).anyMatch(name::equals);
  }

  /** A production resource on version 1, then a configuration change that publishes version 2. */
  private void rollOutVersion2(String name) {
    operator.create(sample("prod.yaml", name, a -> a));
    operator.awaitCondition(name, Conditions.READY, Conditions.TRUE);
    operator.edit(name, a -> {
      a.getSpec().getFunction().setMemorySize(1024);
      return a;
    });
    await().atMost(PATIENCE).until(() -> weights(name).equals(Map.of("2", 0.1)));
  }

  @Test
  void a_canary_gives_the_new_version_its_share_for_one_interval_then_all_traffic() {
    rollOutVersion2("canary");

    // The status describes the alias as the reconcile after the shift reads it.
    await().atMost(PATIENCE).until(() -> "1→2 (10%)".equals(operator.get("canary").getStatus().getFunction().getServing()));
    ServerlessApi rolling = operator.get("canary");
    assertThat(alias("canary").functionVersion()).isEqualTo("1");
    var ready = OperatorHarness.condition(rolling, Conditions.READY).orElseThrow();
    assertThat(ready.getStatus()).isEqualTo(Conditions.FALSE);
    assertThat(ready.getReason()).isEqualTo("RollingOut");
    assertThat(ready.getMessage()).contains("version 2 at step 1 with 10% of traffic");
    assertThat(rolling.getStatus().getRollout().getStep()).isEqualTo(1);
    assertThat(alarmExists("canary-rollout-errors-prod")).as("the new version's own errors are watched").isTrue();
    assertThat(operator.aws.calls().count("lambda", "UpdateAlias")).isEqualTo(1);

    operator.clock.jump(Duration.ofMinutes(5));

    ServerlessApi done = operator.awaitCondition("canary", Conditions.READY, Conditions.TRUE);
    assertThat(alias("canary").functionVersion()).isEqualTo("2");
    assertThat(weights("canary")).isEmpty();
    assertThat(done.getStatus().getRollout().getPhase()).isEqualTo("Succeeded");
    assertThat(done.getStatus().getFunction().getServing()).isEqualTo("2");
    assertThat(done.getStatus().getFunction().getVersions()).as("retention ran once the rollout was over").isEqualTo(2);
    await().atMost(PATIENCE).until(() -> !alarmExists("canary-rollout-errors-prod"));
    assertThat(operator.aws.calls().count("lambda", "UpdateAlias")).isEqualTo(2);
  }

  @Test
  void an_alarm_mid_rollout_sends_all_traffic_back_and_the_version_is_not_tried_again() {
    rollOutVersion2("back");

    cloudWatch().state().setState("back-rollout-errors-prod", StateValue.ALARM, "Threshold Crossed: 1 datapoint [4.0]");

    ServerlessApi rolledBack = operator.awaitCondition("back", Conditions.TERMINAL, Conditions.TRUE);
    var ready = OperatorHarness.condition(rolledBack, Conditions.READY).orElseThrow();
    assertThat(ready.getReason()).isEqualTo("RolledBack");
    assertThat(ready.getMessage()).contains("version 2 was rolled back after alarm back-rollout-errors-prod");
    assertThat(alias("back").functionVersion()).isEqualTo("1");
    assertThat(weights("back")).isEmpty();
    assertThat(alias("back").description()).as("recorded in AWS for a new cluster").startsWith("rolled back version 2");
    assertThat(rolledBack.getStatus().getRollout().getPhase()).isEqualTo("RolledBack");
    assertThat(rolledBack.getStatus().getRollout().getAlarm()).isEqualTo("back-rollout-errors-prod");
    assertThat(client.v1().events().inNamespace("default").list().getItems())
        .anySatisfy(e -> {
          assertThat(e.getReason()).isEqualTo("RolledBack");
          assertThat(e.getMessage()).contains("Threshold Crossed");
        });
    long aliasMoves = operator.aws.calls().count("lambda", "UpdateAlias");

    operator.clock.jump(Duration.ofHours(1));
    operator.reconcileOnceMore("back");

    assertThat(alias("back").functionVersion()).isEqualTo("1");
    assertThat(operator.aws.calls().count("lambda", "UpdateAlias")).as("not tried again").isEqualTo(aliasMoves);
  }

  @Test
  void paused_holds_the_step_and_a_new_version_mid_rollout_starts_from_its_first_step() {
    rollOutVersion2("turn");

    operator.edit("turn", a -> {
      a.getSpec().getFunction().getDeployment().setPaused(true);
      return a;
    });
    operator.awaitCondition("turn", Conditions.PROGRESSING, Conditions.TRUE);
    operator.clock.jump(Duration.ofHours(1));
    operator.reconcileOnceMore("turn");
    assertThat(weights("turn")).as("paused: still at the canary step").isEqualTo(Map.of("2", 0.1));
    assertThat(OperatorHarness.condition(operator.get("turn"), Conditions.PROGRESSING).orElseThrow().getMessage())
        .contains("paused");

    operator.edit("turn", a -> {
      a.getSpec().getFunction().getDeployment().setPaused(false);
      a.getSpec().getFunction().setMemorySize(2048);
      return a;
    });

    await().atMost(PATIENCE).until(() -> weights("turn").equals(Map.of("3", 0.1)));
    assertThat(alias("turn").functionVersion()).isEqualTo("1");
    assertThat(client.v1().events().inNamespace("default").list().getItems())
        .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("AbandonedRollout"));
  }

  @Test
  void with_its_status_lost_a_rollout_resumes_from_the_alias_neither_from_zero_nor_at_once() {
    rollOutVersion2("lost");
    await().atMost(PATIENCE).until(() -> operator.get("lost").getStatus().getRollout().getStep() == 1);
    long aliasMoves = operator.aws.calls().count("lambda", "UpdateAlias");
    long alarmWrites = operator.aws.calls().count("monitoring", "PutMetricAlarm");

    loseRolloutStatus("lost");
    await().atMost(PATIENCE).until(() -> resumedFromTheAlias("lost"));

    assertThat(weights("lost")).isEqualTo(Map.of("2", 0.1));
    assertThat(operator.aws.calls().count("lambda", "UpdateAlias")).isEqualTo(aliasMoves);
    // The new version stayed watched: its alarm was neither deleted nor made again.
    assertThat(operator.aws.calls().count("monitoring", "DeleteAlarms")).isZero();
    assertThat(operator.aws.calls().count("monitoring", "PutMetricAlarm")).isEqualTo(alarmWrites);
    operator.clock.jump(Duration.ofMinutes(5));
    operator.awaitCondition("lost", Conditions.READY, Conditions.TRUE);
    assertThat(alias("lost").functionVersion()).isEqualTo("2");
    await().atMost(PATIENCE).until(() -> operator.aws.calls().count("monitoring", "DeleteAlarms") == 1);
  }

  private void loseRolloutStatus(String name) {
    operator.editStatus(name, a -> {
      a.getStatus().setRollout(null);
      return a;
    });
  }

  /**
   * True once a reconcile that found no rollout in status has written one. A reconcile already under
   * way when the status was lost writes back what it knew (its write is refused, then made again on the
   * newer copy): that is not losing the status, so the test loses it again.
   */
  private boolean resumedFromTheAlias(String name) {
    var rollout = operator.get(name).getStatus().getRollout();
    if (rollout != null && !rollout.getMessage().contains("resumed from the alias")) {
      loseRolloutStatus(name);
      return false;
    }
    return rollout != null;
  }

  @Test
  void a_new_execution_role_cannot_be_split_and_moves_the_alias_at_once_saying_why() {
    operator.create(sample("prod.yaml", "role", a -> a));
    operator.awaitCondition("role", Conditions.READY, Conditions.TRUE);

    operator.edit("role", a -> {
      a.getSpec().getFunction().setRole("arn:aws:iam::123456789012:role/tap-api-lambda-v2");
      return a;
    });

    await().atMost(PATIENCE).until(() -> "2".equals(alias("role").functionVersion()));
    assertThat(weights("role")).isEmpty();
    ServerlessApi done = operator.awaitCondition("role", Conditions.READY, Conditions.TRUE);
    assertThat(done.getStatus().getRollout().getMessage()).contains("the execution role changes", "at once");
    assertThat(operator.aws.calls().count("lambda", "UpdateAlias")).isEqualTo(1);
  }
}
