package dev.tap.operator.reconciler;

import static dev.tap.operator.OperatorHarness.PATIENCE;
import static dev.tap.operator.OperatorHarness.REGION;
import static dev.tap.operator.OperatorHarness.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.OperatorTest;
import dev.tap.operator.api.v1alpha1.DeploymentSpec;
import dev.tap.operator.api.v1alpha1.DeploymentStrategy;
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * A rollout (Linear, 50 % then all, one minute apart) with the operator killed after each AWS write or
 * status write and started afresh: the alias goes 1, 1+2 at 50 %, 2, and nothing else in between;
 * exactly one new version; the rollout alarm gone at the end. The clock runs 15 s ahead on every look.
 */
@OperatorTest
class RolloutCrashSafetyTest {

  static KubernetesClient client;


  @Test
  void a_crash_after_any_aws_write_of_a_rollout_resumes_the_same_step() throws Exception {
    int crashes = 0;
    for (int k = 1; k < 20; k++) {
      if (!rollOutCrashing("write" + k, k, OperatorHarness::crashAfterAwsWrites)) {
        break;
      }
      crashes++;
    }
    // UpdateFunctionConfiguration, PublishVersion, PutMetricAlarm, two UpdateAlias, DeleteAlarms.
    assertThat(crashes).isGreaterThanOrEqualTo(6);
  }

  @Test
  void a_crash_after_any_status_write_of_a_rollout_resumes_the_same_step() throws Exception {
    int crashes = 0;
    for (int k = 1; k < 20; k++) {
      if (!rollOutCrashing("status" + k, k, OperatorHarness::crashAfterStatusWrites)) {
        break;
      }
      crashes++;
    }
    assertThat(crashes).isGreaterThanOrEqualTo(4);
  }

  /** Rolls version 2 out with the crash armed; returns whether it crashed (and then converged after a restart). */
  private static boolean rollOutCrashing(String name, int k, ObjIntConsumer<OperatorHarness> arm) throws Exception {
    try (OperatorHarness operator = OperatorHarness.start(client, OperatorHarness.RARE_RESYNC)) {
      operator.create(sample("prod.yaml", name, api -> {
        DeploymentSpec linear = new DeploymentSpec();
        linear.setStrategy(DeploymentStrategy.Linear);
        linear.setLinearPercent(50);
        linear.setInterval("1m");
        linear.setRollbackOnAlarm(true);
        api.getSpec().getFunction().setDeployment(linear);
        return api;
      }));
      operator.awaitCondition(name, Conditions.READY, Conditions.TRUE);
      arm.accept(operator, k);
      operator.edit(name, api -> {
        api.getSpec().getFunction().setMemorySize(1024);
        return api;
      });
      List<String> seen = new ArrayList<>(List.of("1"));
      drive(operator, name, seen);
      boolean crashed = operator.hasCrashed();
      if (crashed) {
        operator.awaitCrashAndRestart();
        drive(operator, name, seen);
      }
      assertThat(seen).as("the alias, step by step").containsExactly("1", "1+2@50", "2");
      assertThat(operator.aws.lambda(REGION).listVersionsByFunction(r -> r.functionName(name + "-api-prod")).versions())
          .extracting(FunctionConfiguration::version).containsExactly("$LATEST", "1", "2");
      await(name + ": the rollout alarm removed").atMost(PATIENCE).until(() -> operator.aws.cloudWatch(REGION).state().peekAlarms().stream()
          .map(MetricAlarm::alarmName).noneMatch((name + "-rollout-errors-prod")::equals));
      return crashed;
    }
  }

  /** Moves the clock on and notes each new state of the alias, until the crash or the end of the rollout. */
  private static void drive(OperatorHarness operator, String name, List<String> seen) {
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
      operator.clock.jump(Duration.ofSeconds(15));
      var alias = operator.aws.lambda(REGION).getAlias(r -> r.functionName(name + "-api-prod").name("prod"));
      String state = alias.functionVersion() + (alias.routingConfig() == null ? "" : alias.routingConfig()
          .additionalVersionWeights().entrySet().stream().map(e -> "+" + e.getKey() + "@" + Math.round(e.getValue() * 100))
          .reduce("", String::concat));
      if (!state.equals(seen.get(seen.size() - 1))) {
        seen.add(state);
      }
      return operator.hasCrashed() || "2".equals(state) && operator.has(name, Conditions.READY, Conditions.TRUE);
    });
  }
}
