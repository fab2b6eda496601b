package dev.tap.operator.reconciler;

import static dev.tap.operator.OperatorHarness.PATIENCE;
import static dev.tap.operator.OperatorHarness.REGION;
import static dev.tap.operator.OperatorHarness.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.OperatorTest;
import dev.tap.operator.api.v1alpha1.DeletionPolicy;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AwsCallHook;
import dev.tap.operator.aws.AwsService;
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * The resource deleted right after each AWS write of its creation (policy Delete): the deletion ends
 * with nothing of ours in AWS. A deletion after a read is one before the next write, so the writes
 * are the points that matter. Found by random lives: a deletion right after CreateTable, while the
 * table was CREATING and showed no tags, took it for someone else's and left it behind.
 */
@OperatorTest
class DeletionDuringCreationTest {

  static KubernetesClient client;

  /** Deletes the resource right after the operator's k-th AWS write. */
  private static final class DeleteAtCall implements AwsCallHook {
    private final int k;
    private final Runnable delete;
    private final AtomicInteger writes = new AtomicInteger();
    private volatile String fired;

    DeleteAtCall(int k, Runnable delete) {
      this.k = k;
      this.delete = delete;
    }

    @Override
    public void before(AwsService<?> service, String region, String operation) {}

    @Override
    public void after(AwsService<?> service, String region, String operation) {
      if (!operation.matches("(Describe|List|Get).*") && writes.incrementAndGet() == k) {
        fired = operation;
        delete.run();
      }
    }
  }

  @Test
  void a_deletion_after_any_aws_write_of_a_creation_leaves_nothing_of_ours() {
    for (int k = 1; ; k++) {
      String name = "early" + k;
      DeleteAtCall deleteAt = new DeleteAtCall(k,
          () -> client.resources(ServerlessApi.class).inNamespace("default").withName(name).delete());
      try (OperatorHarness operator = OperatorHarness.startPaced(client, List.of(), OperatorHarness.RARE_RESYNC, deleteAt)) {
        operator.create(sample("prod.yaml", name, api -> {
          api.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
          api.getSpec().getTable().setDeletionProtection(false);
          return api;
        }));
        await().atMost(PATIENCE).until(() -> deleteAt.fired != null || operator.has(name, Conditions.READY, Conditions.TRUE));
        if (deleteAt.fired == null) {
          // CreateTable, UpdateContinuousBackups, the scaling targets and policies, the function, its version and
          // alias, the alarms, the REST API, its definition, deployment, stage and permission.
          assertThat(k - 1).as("writes a creation makes").isGreaterThanOrEqualTo(15);
          return;
        }
        await().atMost(PATIENCE).until(() -> operator.get(name) == null);
        assertThat(leftovers(operator)).as("deleted right after write " + k + ", " + deleteAt.fired).isEmpty();
      }
    }
  }

  private static List<String> leftovers(OperatorHarness operator) {
    List<String> left = new ArrayList<>(operator.aws.dynamoDb(REGION).peekTableNames());
    left.addAll(operator.aws.lambda(REGION).state().peekFunctionNames());
    operator.aws.cloudWatch(REGION).state().peekAlarms().stream().map(MetricAlarm::alarmName).forEach(left::add);
    left.addAll(operator.aws.apiGateway(REGION).state().peekIds());
    operator.aws.autoScaling(REGION).peekTargets().stream().map(ScalableTarget::resourceId).forEach(left::add);
    return left;
  }
}
