package dev.tap.operator.lives;

import static dev.tap.operator.OperatorHarness.NAMESPACE;
import static dev.tap.operator.OperatorHarness.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.CanaryAtFirstStep;
import dev.tap.operator.OperatorHarness;
import dev.tap.operator.api.v1alpha1.DeletionPolicy;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.api.v1alpha1.ServerlessApiStatus;
import dev.tap.operator.aws.simulated.lambda.LambdaState.PeekedFunction;
import dev.tap.operator.aws.simulated.lambda.LambdaState.Routing;
import dev.tap.operator.kube.RealCluster;
import dev.tap.operator.naming.OwnerTags;
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each invariant of random lives catches what it is there to catch: the world is tampered with, the check names it. */
class InvariantsTest {

  private static final RealCluster cluster = RealCluster.get();

  /** A world whose first life was created (Canary 10 %, policy Delete) and is Ready. */
  private static World readyWorld() throws InterruptedException {
    World world = new World(cluster, 1, new World.Figures());
    world.apply(new Step(0, StepKind.CREATE, 0, 0L, 0));
    Life life = world.lives.get(0);
    world.harness.edit(life.name, api -> {
      api.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
      return api;
    });
    life.wrote(world.harness.get(life.name));
    world.harness.awaitCondition(life.name, Conditions.READY, Conditions.TRUE);
    assertThat(world.check()).isEmpty();
    return world;
  }

  @Test
  void a_spec_written_by_anyone_but_the_test_is_seen() throws Exception {
    try (World world = readyWorld()) {
      Life life = world.lives.get(0);
      world.harness.client.resources(ServerlessApi.class).inNamespace(NAMESPACE).withName(life.name).edit(api -> {
        api.getSpec().getFunction().setMemorySize(2048);
        return api;
      });

      assertThat(world.check()).anyMatch(v -> v.contains("someone else wrote the spec"));
    }
  }

  @Test
  void a_second_table_of_one_owner_is_seen() throws Exception {
    try (World world = readyWorld()) {
      Life life = world.lives.get(0);
      world.harness.aws.dynamoDb(REGION).createTable(r -> r.tableName(life.name + "-items-copy").billingMode("PROVISIONED")
          .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
          .keySchema(k -> k.attributeName("id").keyType("HASH"))
          .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))
          .tags(t -> t.key(OwnerTags.OWNER).value(NAMESPACE + "/" + life.name)));

      assertThat(world.check()).anyMatch(v -> v.contains("owns 2 tables"));
    }
  }

  @Test
  void an_alias_on_latest_or_off_the_strategy_s_steps_is_seen() throws Exception {
    try (World world = readyWorld()) {
      Life life = world.lives.get(0);
      PeekedFunction function = world.harness.aws.lambda(REGION).state().peekFunction(life.names().function()).orElseThrow();
      PeekedFunction onLatest = new PeekedFunction(function.name(), function.tags(), function.latest(), function.versions(),
          Map.of("prod", new Routing("$LATEST", Map.of())), function.statementIds());
      PeekedFunction offTheSteps = new PeekedFunction(function.name(), function.tags(), function.latest(),
          List.of("1", "2"), Map.of("prod", new Routing("1", Map.of("2", 0.33))), function.statementIds());

      List<String> violations = world.check(List.of(onLatest, offTheSteps));

      assertThat(violations).anyMatch(v -> v.contains("the alias on $LATEST"))
          .anyMatch(v -> v.contains("alias weight 0.33 is no step of the strategies in force {0.1=Canary 10%}"));
    }
  }

  @Test
  void a_step_recorded_before_the_strategy_changed_stays_allowed_only_while_status_records_it() throws Exception {
    try (World world = readyWorld()) {
      Life life = world.lives.get(0);
      PeekedFunction function = world.harness.aws.lambda(REGION).state().peekFunction(life.names().function()).orElseThrow();
      PeekedFunction atTheOldStep = new PeekedFunction(function.name(), function.tags(), function.latest(),
          List.of("1", "2"), Map.of("prod", new Routing("1", Map.of("2", 0.1))), function.statementIds());
      List<List<String>> seen = new ArrayList<>();
      world.harness.whileStopped(() -> {
        // The operator recorded step 1 of Canary 10 % and stopped before applying it; then the strategy changed.
        life.wrote(world.harness.edit(life.name, api -> {
          api.getSpec().getFunction().getDeployment().setCanaryPercent(17);
          return api;
        }));
        world.harness.editStatus(life.name, api -> {
          api.getStatus().setObservedGeneration(api.getMetadata().getGeneration());
          api.getStatus().setRollout(CanaryAtFirstStep.rollout());
          return api;
        });
        seen.add(world.check());
        seen.add(world.check(List.of(atTheOldStep)));
        world.harness.editStatus(life.name, api -> {
          api.getStatus().setRollout(null);
          return api;
        });
        seen.add(world.check());
        seen.add(world.check(List.of(atTheOldStep)));
      });

      // The test writes status as itself here, so only the weights are judged.
      assertThat(seen.get(0)).noneMatch(v -> v.contains("alias weight"));
      assertThat(seen.get(1)).as("the recorded step, applied after the strategy changed")
          .noneMatch(v -> v.contains("alias weight"));
      assertThat(seen.get(3)).anyMatch(v -> v.contains("alias weight 0.1 is no step of the strategies in force {0.17="));
    }
  }

  @Test
  void a_foreign_look_alike_changed_is_seen() throws Exception {
    try (World world = readyWorld()) {
      world.harness.aws.dynamoDb(REGION).updateTable(r -> r.tableName(world.lives.get(0).name + "-items-other")
          .provisionedThroughput(t -> t.readCapacityUnits(7L).writeCapacityUnits(3L)));

      assertThat(world.check()).anyMatch(v -> v.contains("foreign look-alikes changed"));
    }
  }

  @Test
  void a_deletion_that_leaves_aws_resources_behind_is_seen() throws Exception {
    try (World world = readyWorld()) {
      Life life = world.lives.get(0);
      // Gone from the cluster without the operator's cleanup: its finalizer removed first.
      world.harness.edit(life.name, api -> {
        api.getMetadata().setFinalizers(List.of());
        return api;
      });
      world.apply(new Step(1, StepKind.DELETE, 0, 0L, 0));

      assertThat(world.check()).anyMatch(v -> v.contains("deleted with policy Delete, yet AWS keeps: table function REST API"));
    }
  }

  @Test
  void only_a_listed_reason_counts_as_waiting_for_a_human() {
    ServerlessApi rolledBack = OperatorHarness.sample("prod.yaml", "reasons", api -> api);
    rolledBack.setStatus(new ServerlessApiStatus());
    rolledBack.getStatus().setConditions(List.of(new ConditionBuilder().withType(Conditions.TERMINAL)
        .withStatus(Conditions.TRUE).withReason("RolledBack").build()));
    ServerlessApi throttled = OperatorHarness.sample("prod.yaml", "reasons", api -> api);
    throttled.setStatus(new ServerlessApiStatus());
    throttled.getStatus().setConditions(List.of(new ConditionBuilder().withType(Conditions.TERMINAL)
        .withStatus(Conditions.TRUE).withReason("ThrottlingException").build()));

    assertThat(Invariants.waitingForHuman(rolledBack)).contains("RolledBack");
    assertThat(Invariants.waitingForHuman(throttled)).isEmpty();
  }
}
