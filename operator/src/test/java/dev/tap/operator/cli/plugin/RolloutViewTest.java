package dev.tap.operator.cli.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.CanaryAtFirstStep;
import dev.tap.operator.api.v1alpha1.CheckResult;
import dev.tap.operator.api.v1alpha1.DeploymentSpec;
import dev.tap.operator.api.v1alpha1.GateResult;
import dev.tap.operator.api.v1alpha1.FunctionSpec;
import dev.tap.operator.api.v1alpha1.RolloutStatus;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.api.v1alpha1.ServerlessApiSpec;
import dev.tap.operator.api.v1alpha1.ServerlessApiStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutViewTest {

  private static final Instant NOW = Instant.parse("2026-12-05T03:00:00Z");

  private static ServerlessApi stepStartedAt(Instant started, boolean paused) {
    ServerlessApi api = new ServerlessApi();
    api.setMetadata(new ObjectMetaBuilder().withNamespace("prod").withName("tap").build());
    DeploymentSpec deployment = new DeploymentSpec();
    deployment.setInterval("5m");
    deployment.setPaused(paused);
    FunctionSpec function = new FunctionSpec();
    function.setDeployment(deployment);
    ServerlessApiSpec spec = new ServerlessApiSpec();
    spec.setFunction(function);
    api.setSpec(spec);
    RolloutStatus rollout = CanaryAtFirstStep.rollout();
    rollout.setStepStartedAt(started.toString());
    ServerlessApiStatus status = new ServerlessApiStatus();
    status.setRollout(rollout);
    api.setStatus(status);
    return api;
  }

  @Test
  void each_gate_s_last_judgement_and_each_traffic_check_have_a_line() {
    ServerlessApi api = stepStartedAt(NOW.minusSeconds(90), false);
    GateResult gate = new GateResult();
    gate.setMetric("ErrorRate");
    gate.setResult("Failed");
    gate.setValue(20.0);
    gate.setMax(1.0);
    gate.setRequests(45L);
    gate.setStep(1);
    CheckResult check = new CheckResult();
    check.setPhase("PreTraffic");
    check.setRequest("GET /items");
    check.setResult("Failed");
    check.setMessage("answered 503, expected 200");
    api.getStatus().getRollout().setGates(List.of(gate));
    api.getStatus().getRollout().setChecks(List.of(check));

    assertThat(RolloutView.lines(api, NOW)).contains(
        "  gate      ErrorRate Failed: 20.0 (max 1.0) over 45 request(s) of step 1",
        "  check     PreTraffic GET /items Failed: answered 503, expected 200");
  }

  @Test
  void the_next_step_is_the_step_start_plus_the_interval() {
    assertThat(RolloutView.lines(stepStartedAt(NOW.minusSeconds(90), false), NOW)).contains(
        "  rollout   Progressing: version 2 over 1, step 1 at 10 %; next step at 2026-12-05T03:03:30Z (in 3m 30s)");
    assertThat(RolloutView.lines(stepStartedAt(NOW.minusSeconds(600), false), NOW).get(1)).endsWith("(due)");
    assertThat(RolloutView.lines(stepStartedAt(NOW.minusSeconds(90), true), NOW).get(1))
        .endsWith("; paused (spec.function.deployment.paused)");
    ServerlessApi pausedByHand = stepStartedAt(NOW.minusSeconds(90), false);
    pausedByHand.getMetadata().setAnnotations(java.util.Map.of("rollout.tap.dev/paused", "true"));
    assertThat(RolloutView.lines(pausedByHand, NOW).get(1)).endsWith("; paused (kubectl tap pause)");
  }

  @Test
  void an_operator_clock_ahead_of_ours_gives_its_time_without_a_countdown() {
    assertThat(RolloutView.lines(stepStartedAt(NOW.plusSeconds(600), false), NOW).get(1))
        .endsWith("next step at 2026-12-05T03:15:00Z on the operator's clock");
  }
}
