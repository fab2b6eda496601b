package dev.tap.operator.reconciler;

import static dev.tap.operator.OperatorHarness.PATIENCE;
import static dev.tap.operator.OperatorHarness.REGION;
import static dev.tap.operator.OperatorHarness.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The operator killed at any point of a creation, then started afresh on the same Kubernetes and AWS
 * state, converges to exactly what an uninterrupted run makes: no second table, nothing missing.
 */
@EnableKubernetesMockClient(crud = true)
class CrashSafetyTest {

  static KubernetesClient client;


  @BeforeAll
  static void installCrd() {
    OperatorHarness.installCrd(client);
  }

  @Test
  void a_crash_after_any_aws_write_of_a_creation_converges_to_the_same_aws_state() throws Exception {
    // k = 1, 2, ... until a creation needs fewer than k writes. A crash after a read is one before the
    // next write, so the writes are the crash points that matter.
    int crashes = 0;
    for (int k = 1; ; k++) {
      try (OperatorHarness operator = OperatorHarness.start(client, OperatorHarness.RARE_RESYNC)) {
        operator.crashAfterAwsWrites(k);
        operator.create(sample("prod.yaml", "crash" + k, api -> api));
        String name = "crash" + k;
        await().atMost(PATIENCE).until(() -> operator.hasCrashed() || operator.has(name, Conditions.READY, Conditions.TRUE));
        if (!operator.hasCrashed()) {
          assertConverged(operator, name);
          break;
        }
        crashes++;
        operator.awaitCrashAndRestart();

        operator.awaitCondition(name, Conditions.READY, Conditions.TRUE);
        assertConverged(operator, name);
      }
    }
    // CreateTable, UpdateContinuousBackups, 4 RegisterScalableTarget, 4 PutScalingPolicy, the function, its
    // version and alias, two alarms, the REST API, its definition, deployment, stage and permission.
    assertThat(crashes).isGreaterThanOrEqualTo(20);
  }

  @Test
  void a_crash_after_a_status_write_converges_without_a_second_table() throws Exception {
    for (int k = 1; k <= 3; k++) {
      try (OperatorHarness operator = OperatorHarness.start(client, OperatorHarness.RARE_RESYNC)) {
        operator.crashAfterStatusWrites(k);
        operator.create(sample("prod.yaml", "written" + k, api -> api));
        operator.awaitCrashAndRestart();

        operator.awaitCondition("written" + k, Conditions.READY, Conditions.TRUE);
        assertConverged(operator, "written" + k);
      }
    }
  }

  private static void assertConverged(OperatorHarness operator, String name) {
    String table = name + "-items-prod";
    assertThat(operator.aws.dynamoDb(REGION).peekTableNames()).containsExactly(table);
    assertThat(operator.aws.calls().count("dynamodb", "CreateTable")).isEqualTo(1);
    TableDescription description = operator.aws.dynamoDb(REGION).peek(table).orElseThrow();
    assertThat(description.globalSecondaryIndexes()).hasSize(1);
    assertThat(description.deletionProtectionEnabled()).isTrue();
    assertThat(operator.aws.dynamoDb(REGION).peekPointInTimeRecovery(table)).isTrue();
    assertThat(operator.aws.dynamoDb(REGION).peekTags(table)).containsEntry("tap.dev/owner", "default/" + name);
    assertThat(operator.aws.autoScaling(REGION).peekTargets()).hasSize(4);
    assertThat(operator.aws.autoScaling(REGION).peekPolicies()).hasSize(4);
    assertThat(operator.aws.lambda(REGION).state().peekFunctionNames()).containsExactly(name + "-api-prod");
    assertThat(operator.aws.apiGateway(REGION).state().peekIds()).hasSize(1);
  }
}
