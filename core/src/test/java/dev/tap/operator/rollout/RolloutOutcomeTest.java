package dev.tap.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.api.v1alpha1.FunctionStatus;
import dev.tap.operator.api.v1alpha1.ServerlessApiStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** status.function says where the alias is once the rollout moved it, not where the function dependent read it. */
class RolloutOutcomeTest {

  private static ServerlessApiStatus readDuringCanary() {
    FunctionStatus function = new FunctionStatus();
    function.setStableVersion("2");
    function.setTargetVersion("3");
    function.setCanaryWeight(0.1);
    function.setServing("2→3 (10%)");
    ServerlessApiStatus status = new ServerlessApiStatus();
    status.setFunction(function);
    return status;
  }

  @Test
  void a_rollback_leaves_the_stable_version_serving_alone() {
    ServerlessApiStatus status = readDuringCanary();

    new RolloutOutcome(new RolloutDecision.RollBack("2", "3", "tap-lambda-errors-prod", "fired", null), Map.of(), List.of())
        .writeStatus(status);

    assertThat(status.getFunction().getServing()).isEqualTo("2");
    assertThat(status.getFunction().getStableVersion()).isEqualTo("2");
    assertThat(status.getFunction().getCanaryWeight()).isNull();
  }

  @Test
  void a_shift_and_a_promotion_show_the_new_weights() {
    ServerlessApiStatus status = readDuringCanary();
    new RolloutOutcome(new RolloutDecision.Shift("2", "3", 2, 0.2, null), Map.of(), List.of()).writeStatus(status);
    assertThat(status.getFunction().getServing()).isEqualTo("2→3 (20%)");
    assertThat(status.getFunction().getCanaryWeight()).isEqualTo(0.2);

    new RolloutOutcome(new RolloutDecision.Promote("2", "3", "done", null), Map.of(), List.of()).writeStatus(status);
    assertThat(status.getFunction().getServing()).isEqualTo("3");
    assertThat(status.getFunction().getStableVersion()).isEqualTo("3");
  }
}
