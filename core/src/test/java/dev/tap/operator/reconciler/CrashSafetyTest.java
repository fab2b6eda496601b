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
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.function.ObjIntConsumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * The operator killed at any point of a creation or a deletion, then started afresh (empty caches) on
 * the same Kubernetes and AWS state. A creation converges to exactly what an uninterrupted run makes:
 * one table, one function with one version, one REST API, one permission statement, the alarms and
 * scaling targets once each. A deletion ends with nothing of ours and everything of others'. A crash
 * right after an AWS write is also the case of a status write lost after that call.
 */
@OperatorTest
class CrashSafetyTest {

  static KubernetesClient client;

  @Test
  void a_crash_after_any_aws_write_of_a_creation_converges_to_the_same_aws_state() throws Exception {
    // A crash after a read is one before the next write, so the writes are the crash points that matter.
    int crashes = crashEveryCreation("crash", OperatorHarness::crashAfterAwsWrites);
    // CreateTable, UpdateContinuousBackups, 4 RegisterScalableTarget, 4 PutScalingPolicy, the function, its
    // version and alias, two alarms, the REST API, its definition, deployment, stage and permission.
    assertThat(crashes).isGreaterThanOrEqualTo(20);
  }

  @Test
  void a_crash_after_any_status_write_of_a_creation_converges_to_the_same_aws_state() throws Exception {
    int crashes = crashEveryCreation("written", OperatorHarness::crashAfterStatusWrites);
    // The identity, then each dependent's progress until Ready (13 when last counted).
    assertThat(crashes).isGreaterThanOrEqualTo(10);
  }

  /**
   * Creates the production sample with a fresh operator armed to crash at its k-th write, for k = 1,
   * 2, ... until a creation needs fewer than k; after each crash a fresh operator must converge.
   * Returns how many crash points there were.
   */
  private static int crashEveryCreation(String prefix, ObjIntConsumer<OperatorHarness> arm) throws Exception {
    int crashes = 0;
    for (int k = 1; ; k++) {
      String name = prefix + k;
      try (OperatorHarness operator = OperatorHarness.start(client, OperatorHarness.RARE_RESYNC)) {
        arm.accept(operator, k);
        operator.create(sample("prod.yaml", name, api -> api));
        await().atMost(PATIENCE).until(() -> operator.hasCrashed() || operator.has(name, Conditions.READY, Conditions.TRUE));
        if (!operator.hasCrashed()) {
          assertConverged(operator, name);
          return crashes;
        }
        crashes++;
        operator.awaitCrashAndRestart();

        operator.awaitCondition(name, Conditions.READY, Conditions.TRUE);
        assertConverged(operator, name);
      }
    }
  }

  @Test
  void a_crash_after_any_aws_write_of_a_deletion_leaves_nothing_of_ours_and_touches_nothing_else() throws Exception {
    int crashes = 0;
    for (int k = 1; ; k++) {
      String name = "deleted" + k;
      try (OperatorHarness operator = OperatorHarness.start(client, OperatorHarness.RARE_RESYNC)) {
        operator.create(sample("prod.yaml", name, api -> {
          api.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
          api.getSpec().getTable().setDeletionProtection(false);
          return api;
        }));
        operator.awaitCondition(name, Conditions.READY, Conditions.TRUE);
        Foreign foreign = Foreign.placeBeside(operator, name);

        operator.crashAfterAwsWrites(k);
        client.resources(ServerlessApi.class).inNamespace("default").withName(name).delete();
        await().atMost(PATIENCE).until(() -> operator.hasCrashed() || operator.get(name) == null);
        boolean crashed = operator.hasCrashed();
        if (crashed) {
          crashes++;
          operator.awaitCrashAndRestart();
        }
        await().atMost(PATIENCE).until(() -> operator.get(name) == null);

        assertThat(operator.aws.dynamoDb(REGION).peekTableNames()).containsExactly(foreign.table());
        assertThat(operator.aws.autoScaling(REGION).peekTargets()).isEmpty();
        assertThat(operator.aws.lambda(REGION).state().peekFunctionNames()).containsExactly(foreign.function());
        assertThat(operator.aws.cloudWatch(REGION).state().peekAlarms()).extracting(MetricAlarm::alarmName)
            .containsExactly(foreign.alarm());
        assertThat(operator.aws.apiGateway(REGION).state().peekIds()).containsExactly(foreign.apiId());
        if (!crashed) {
          break;
        }
      }
    }
    // DeleteAlarms, DeleteRestApi, DeleteFunction, four DeregisterScalableTarget, DeleteTable.
    assertThat(crashes).isGreaterThanOrEqualTo(8);
  }

  /** Someone else's resources in the same account, named like ours but without our owner tag. */
  private record Foreign(String table, String function, String alarm, String apiId) {
    static Foreign placeBeside(OperatorHarness operator, String name) {
      String table = name + "-items-other";
      operator.aws.dynamoDb(REGION).createTable(r -> r.tableName(table).billingMode("PROVISIONED")
          .attributeDefinitions(a -> a.attributeName("id").attributeType("S")).keySchema(k -> k.attributeName("id")
              .keyType("HASH")).provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L)));
      String function = name + "-api-other";
      operator.aws.lambda(REGION).createFunction(r -> r.functionName(function).runtime("java21").handler("x.Y::handle")
          .role("arn:aws:iam::123456789012:role/tap-api-lambda").code(c -> c.s3Bucket("tap-artifacts").s3Key("x.jar")));
      String alarm = name + "-lambda-errors-other";
      operator.aws.cloudWatch(REGION).putMetricAlarm(r -> r.alarmName(alarm).namespace("AWS/Lambda").metricName("Errors")
          .statistic("Sum").period(60).evaluationPeriods(1).threshold(1.0).comparisonOperator("GreaterThanThreshold"));
      String apiId = operator.aws.apiGateway(REGION).createRestApi(r -> r.name(name + "-api-prod")).id();
      return new Foreign(table, function, alarm, apiId);
    }
  }

  private static void assertConverged(OperatorHarness operator, String name) {
    String table = name + "-items-prod";
    String function = name + "-api-prod";
    assertThat(operator.aws.dynamoDb(REGION).peekTableNames()).containsExactly(table);
    assertThat(operator.aws.calls().count("dynamodb", "CreateTable")).isEqualTo(1);
    TableDescription description = operator.aws.dynamoDb(REGION).peek(table).orElseThrow();
    assertThat(description.globalSecondaryIndexes()).hasSize(1);
    assertThat(description.deletionProtectionEnabled()).isTrue();
    assertThat(operator.aws.dynamoDb(REGION).peekPointInTimeRecovery(table)).isTrue();
    assertThat(operator.aws.dynamoDb(REGION).peekTags(table)).containsEntry("tap.dev/owner", "default/" + name);
    assertThat(operator.aws.autoScaling(REGION).peekTargets()).hasSize(4);
    assertThat(operator.aws.autoScaling(REGION).peekPolicies()).hasSize(4);
    assertThat(operator.aws.lambda(REGION).state().peekFunctionNames()).containsExactly(function);
    assertThat(operator.aws.lambda(REGION).listVersionsByFunction(r -> r.functionName(function)).versions())
        .extracting(FunctionConfiguration::version).containsExactly("$LATEST", "1");
    assertThat(operator.aws.lambda(REGION).getAlias(r -> r.functionName(function).name("prod")).functionVersion())
        .isEqualTo("1");
    assertThat(operator.aws.lambda(REGION).getPolicy(r -> r.functionName(function).qualifier("prod")).policy())
        .as("one permission statement").containsOnlyOnce("\"Sid\"");
    assertThat(operator.aws.cloudWatch(REGION).state().peekAlarms()).extracting(MetricAlarm::alarmName)
        .containsExactlyInAnyOrder(name + "-api-errors-prod", name + "-lambda-errors-prod");
    assertThat(operator.aws.apiGateway(REGION).state().peekIds()).hasSize(1);
    String apiId = operator.aws.apiGateway(REGION).state().peekIds().get(0);
    assertThat(operator.aws.apiGateway(REGION).getDeployments(r -> r.restApiId(apiId)).items()).as("one deployment")
        .hasSize(1);
  }
}
