package dev.tap.operator.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingDeltaTest {

  private static final String TABLE = "table/tap-items-prod";
  private static final String READ = "dynamodb:table:ReadCapacityUnits";

  private static ScalingTarget read(int min, int max, double target) {
    return new ScalingTarget(TABLE, READ, min, max, target, "tap-read-target-tracking", "DynamoDBReadCapacityUtilization");
  }

  @Test
  void the_prod_sample_asks_for_four_targets_on_the_table_and_its_index() {
    ServerlessApi prod = OperatorHarness.sample("prod.yaml", "tap", api -> api);

    List<ScalingTarget> targets = ScalingDesiredBuilder.build(prod);

    assertThat(targets).extracting(ScalingTarget::key).containsExactly(
        "table/tap-items-prod dynamodb:table:ReadCapacityUnits",
        "table/tap-items-prod dynamodb:table:WriteCapacityUnits",
        "table/tap-items-prod/index/createdAt-index dynamodb:index:ReadCapacityUnits",
        "table/tap-items-prod/index/createdAt-index dynamodb:index:WriteCapacityUnits");
    assertThat(targets).allSatisfy(t -> {
      assertThat(t.minCapacity()).isEqualTo(5);
      assertThat(t.maxCapacity()).isEqualTo(100);
      assertThat(t.targetValue()).isEqualTo(70.0);
    });
  }

  @Test
  void nothing_registered_means_register_and_put_policy() {
    List<ScalingChange> changes = ScalingDelta.changes(List.of(read(5, 100, 70)), new ObservedScaling(List.of(), List.of()));

    assertThat(changes).containsExactly(new ScalingChange.Register(read(5, 100, 70)), new ScalingChange.PutPolicy(read(5, 100, 70)));
  }

  @Test
  void matching_targets_and_policies_need_no_change() {
    ObservedScaling observed = new ObservedScaling(List.of(new ObservedScaling.Target(TABLE, READ, 5, 100)),
        List.of(new ObservedScaling.Policy("tap-read-target-tracking", TABLE, READ, 70.0, "DynamoDBReadCapacityUtilization")));

    assertThat(ScalingDelta.changes(List.of(read(5, 100, 70)), observed)).isEmpty();
  }

  @Test
  void new_bounds_reregister_a_new_target_value_puts_the_policy_and_unwanted_targets_go() {
    ObservedScaling observed = new ObservedScaling(
        List.of(new ObservedScaling.Target(TABLE, READ, 5, 100),
            new ObservedScaling.Target(TABLE, "dynamodb:table:WriteCapacityUnits", 5, 100)),
        List.of(new ObservedScaling.Policy("tap-read-target-tracking", TABLE, READ, 70.0, "DynamoDBReadCapacityUtilization")));

    List<ScalingChange> changes = ScalingDelta.changes(List.of(read(10, 200, 50)), observed);

    assertThat(changes).containsExactly(new ScalingChange.Register(read(10, 200, 50)),
        new ScalingChange.PutPolicy(read(10, 200, 50)),
        new ScalingChange.Deregister(TABLE, "dynamodb:table:WriteCapacityUnits"));
  }

  @Test
  void each_target_has_a_policy_named_after_its_resource_within_256_characters() {
    assertThat(ScalingDesiredBuilder.policyName("table/tap-items-prod", true))
        .isEqualTo("tap-read-target-tracking:table/tap-items-prod");
    assertThat(ScalingDesiredBuilder.policyName("table/tap-items-prod/index/createdAt-index", false))
        .isEqualTo("tap-write-target-tracking:table/tap-items-prod/index/createdAt-index");
    String longTable = "table/" + "t".repeat(255) + "/index/";
    String one = ScalingDesiredBuilder.policyName(longTable + "a".repeat(255), true);
    String other = ScalingDesiredBuilder.policyName(longTable + "b".repeat(255), true);
    assertThat(one).hasSize(256).isNotEqualTo(other);
  }
}
