package dev.tap.operator.reconciler;

import static dev.tap.operator.OperatorHarness.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.OperatorTest;
import dev.tap.operator.api.v1alpha1.AlarmSpec;
import dev.tap.operator.api.v1alpha1.DeletionPolicy;
import dev.tap.operator.api.v1alpha1.DeploymentSpec;
import dev.tap.operator.api.v1alpha1.DeploymentStrategy;
import dev.tap.operator.aws.AwsCallHook;
import dev.tap.operator.aws.AwsEndpoints;
import dev.tap.operator.aws.AwsService;
import dev.tap.operator.aws.AwsServices;
import dev.tap.operator.aws.SdkAwsClients;
import dev.tap.operator.status.Conditions;
import dev.tap.testsupport.Moto;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Every AWS call of the operator over real HTTP: the real SDK clients, every service pointed at moto's
 * server by AWS_ENDPOINT_URL, on the production sample. The simulated AWS checks behaviour; this
 * checks that each request the operator makes can be sent and understood.
 */
@OperatorTest
class OperatorOnMotoTest {

  static KubernetesClient client;

  /** Every operation a second operator sends, in order. */
  private static final class Recorder implements AwsCallHook {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void before(AwsService<?> service, String region, String operation) {
      calls.add(service.name() + ":" + operation);
    }

    List<String> writes() {
      return calls.stream().filter(c -> !c.matches(".*:(Describe|List|Get).*")).toList();
    }
  }

  /**
   * Real SDK clients on moto, whose account already has an API Gateway CloudWatch role (the samples log
   * at INFO): UpdateAccount is an HTTP PATCH, which the API Gateway client sends over Apache.
   */
  private static SdkAwsClients clientsOf(Moto moto) {
    SdkAwsClients sdk = new SdkAwsClients(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
        new AwsEndpoints(Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString())));
    sdk.client(AwsServices.API_GATEWAY, OperatorHarness.REGION).updateAccount(r -> r.patchOperations(p -> p
        .op(Op.REPLACE).path("/cloudwatchRoleArn").value("arn:aws:iam::123456789012:role/apigateway-cloudwatch-logs")));
    return sdk;
  }

  @Test
  void the_production_sample_converges_over_the_wire_and_a_new_cluster_over_the_same_account_changes_nothing() {
    try (Moto moto = Moto.start(); SdkAwsClients sdk = clientsOf(moto)) {
      moto.holdFunctionPrerequisites("tap-api-lambda", "tap-artifacts", "handler/tap-handler-1.0.0.jar");
      try (OperatorHarness operator = OperatorHarness.startOn(client, sdk)) {
        operator.create(sample("prod.yaml", "wire", api -> api));
        operator.awaitCondition("wire", Conditions.READY, Conditions.TRUE);
      }

      // The resource and the operator are gone, AWS is not (as after a cluster is lost): start again from nothing.
      Recorder second = new Recorder();
      try (OperatorHarness operator = OperatorHarness.startOn(client, sdk, second)) {
        operator.create(sample("prod.yaml", "wire", api -> api));
        operator.awaitCondition("wire", Conditions.READY, Conditions.TRUE);
      }

      assertThat(second.calls).contains("dynamodb:DescribeTable", "application-autoscaling:DescribeScalableTargets",
          "lambda:GetFunction", "lambda:ListVersionsByFunction", "lambda:GetAlias", "monitoring:DescribeAlarms",
          "monitoring:ListTagsForResource", "apigateway:GetRestApis", "apigateway:GetStage", "lambda:GetPolicy");
      assertThat(second.writes()).isEmpty();
      DynamoDbClient dynamo = sdk.client(AwsServices.DYNAMODB, OperatorHarness.REGION);
      assertThat(dynamo.listTables().tableNames()).containsExactly("wire-items-prod");
      TableDescription table = dynamo.describeTable(r -> r.tableName("wire-items-prod")).table();
      assertThat(table.globalSecondaryIndexes()).singleElement()
          .satisfies(i -> assertThat(i.indexName()).isEqualTo("createdAt-index"));
      ApplicationAutoScalingClient scaling = sdk.client(AwsServices.APPLICATION_AUTO_SCALING, OperatorHarness.REGION);
      assertThat(scaling.describeScalableTargets(r -> r.serviceNamespace("dynamodb")).scalableTargets()).hasSize(4);
      assertThat(scaling.describeScalingPolicies(r -> r.serviceNamespace("dynamodb")).scalingPolicies()).hasSize(4);
      LambdaClient lambda = sdk.client(AwsServices.LAMBDA, OperatorHarness.REGION);
      assertThat(lambda.listVersionsByFunction(r -> r.functionName("wire-api-prod")).versions())
          .extracting(v -> v.version()).containsExactly("$LATEST", "1");
      assertThat(lambda.getAlias(r -> r.functionName("wire-api-prod").name("prod")).functionVersion()).isEqualTo("1");
      assertThat(sdk.client(AwsServices.CLOUDWATCH, OperatorHarness.REGION).describeAlarms(r -> r.alarmNames(
          "wire-api-errors-prod", "wire-lambda-errors-prod", "wire-lambda-throttles-prod")).metricAlarms())
          .extracting(a -> a.alarmName()).containsExactlyInAnyOrder("wire-api-errors-prod", "wire-lambda-errors-prod");
    }
  }

  /**
   * Adopting an untagged REST API sends API Gateway's TagResource (PUT /tags/{arn}). Moto has no route
   * for it and answers 404, so this test cannot see the tag land; it proves what a simulated test
   * cannot: the real client serializes the call and it reaches the server over HTTP (an answer from
   * the server, not a client-side failure such as the URL-connection client's refusal of PATCH).
   */
  @Test
  void adopting_an_untagged_rest_api_sends_tag_resource_over_the_wire() {
    try (Moto moto = Moto.start(); SdkAwsClients sdk = clientsOf(moto)) {
      moto.holdFunctionPrerequisites("tap-api-lambda", "tap-artifacts", "handler/tap-handler-1.0.0.jar");
      String id = sdk.client(AwsServices.API_GATEWAY, OperatorHarness.REGION).createRestApi(r -> r.name("taken-api-prod")).id();
      Map<String, Throwable> failures = new ConcurrentHashMap<>();
      AwsCallHook failuresByOperation = new AwsCallHook() {
        @Override
        public void before(AwsService<?> service, String region, String operation) {
          // Only the outcome matters here.
        }

        @Override
        public void failed(AwsService<?> service, String region, String operation, Throwable failure) {
          failures.putIfAbsent(service.name() + ":" + operation, failure);
        }
      };
      try (OperatorHarness operator = OperatorHarness.startOn(client, sdk, failuresByOperation)) {
        operator.create(sample("prod.yaml", "taken", api -> {
          api.getMetadata().setAnnotations(Map.of("services.k8s.aws/adoption-policy", "adopt-or-create"));
          return api;
        }));
        await().atMost(OperatorHarness.PATIENCE).until(() -> failures.containsKey("apigateway:TagResource"));
      }
      assertThat(failures.get("apigateway:TagResource")).isInstanceOfSatisfying(ApiGatewayException.class,
          e -> assertThat(e.statusCode()).as("answered by moto's HTTP server").isEqualTo(404));
      assertThat(sdk.client(AwsServices.API_GATEWAY, OperatorHarness.REGION).getRestApis().items())
          .extracting(api -> api.id()).containsExactly(id);
    }
  }

  @Test
  void changes_and_deletion_travel_over_the_wire() {
    try (Moto moto = Moto.start(); SdkAwsClients sdk = clientsOf(moto)) {
      moto.holdFunctionPrerequisites("tap-api-lambda", "tap-artifacts", "handler/tap-handler-1.0.0.jar");
      moto.putArtifact("tap-artifacts", "handler/tap-handler-1.1.0.jar", "1.1.0");
      Recorder recorder = new Recorder();
      try (OperatorHarness operator = OperatorHarness.startOn(client, sdk, recorder)) {
        operator.create(sample("prod.yaml", "change", api -> {
          api.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
          DeploymentSpec allAtOnce = new DeploymentSpec();
          allAtOnce.setStrategy(DeploymentStrategy.AllAtOnce);
          api.getSpec().getFunction().setDeployment(allAtOnce);
          api.getSpec().getFunction().setKeepVersions(1);
          AlarmSpec throttles = new AlarmSpec();
          throttles.setThreshold(1.0);
          throttles.setEvaluationPeriods(1);
          throttles.setPeriodSeconds(60);
          api.getSpec().getAlarms().setLambdaThrottles(throttles);
          return api;
        }));
        operator.awaitCondition("change", Conditions.READY, Conditions.TRUE);

        operator.edit("change", api -> {
          api.getSpec().getFunction().setMemorySize(1024);
          api.getSpec().getFunction().getCode().setS3Key("handler/tap-handler-1.1.0.jar");
          api.getSpec().getTable().setDeletionProtection(false);
          api.getSpec().getAlarms().getLambdaErrors().setThreshold(7.0);
          api.getSpec().getAlarms().setLambdaThrottles(null);
          return api;
        });
        operator.awaitCondition("change", Conditions.READY, Conditions.TRUE);
        operator.edit("change", api -> {
          api.getSpec().getFunction().setTimeout(20);
          return api;
        });
        operator.awaitCondition("change", Conditions.READY, Conditions.TRUE);

        LambdaClient lambda = sdk.client(AwsServices.LAMBDA, OperatorHarness.REGION);
        assertThat(lambda.getFunction(r -> r.functionName("change-api-prod")).configuration().memorySize()).isEqualTo(1024);
        assertThat(lambda.getAlias(r -> r.functionName("change-api-prod").name("prod")).functionVersion()).isEqualTo("3");
        assertThat(lambda.listVersionsByFunction(r -> r.functionName("change-api-prod")).versions())
            .extracting(v -> v.version()).as("the routed version and the newest other one kept (keepVersions 1)")
            .containsExactly("$LATEST", "2", "3");
        CloudWatchClient cloudWatch = sdk.client(AwsServices.CLOUDWATCH, OperatorHarness.REGION);
        assertThat(cloudWatch.describeAlarms(r -> r.alarmNamePrefix("change-")).metricAlarms())
            .extracting(a -> a.alarmName() + "=" + a.threshold())
            .containsExactlyInAnyOrder("change-api-errors-prod=10.0", "change-lambda-errors-prod=7.0");
        DynamoDbClient dynamo = sdk.client(AwsServices.DYNAMODB, OperatorHarness.REGION);
        assertThat(dynamo.describeTable(r -> r.tableName("change-items-prod")).table().deletionProtectionEnabled()).isFalse();

        client.resource(operator.get("change")).delete();
        await().atMost(OperatorHarness.PATIENCE).until(() -> operator.get("change") == null);
        assertThat(dynamo.listTables().tableNames()).isEmpty();
        assertThat(lambda.listFunctions().functions()).isEmpty();
        assertThat(cloudWatch.describeAlarms(r -> r.alarmNamePrefix("change-")).metricAlarms()).isEmpty();
        ApplicationAutoScalingClient scaling = sdk.client(AwsServices.APPLICATION_AUTO_SCALING, OperatorHarness.REGION);
        assertThat(scaling.describeScalableTargets(r -> r.serviceNamespace("dynamodb")).scalableTargets()).isEmpty();
      }
      assertThat(recorder.writes()).contains("lambda:UpdateFunctionConfiguration", "lambda:UpdateFunctionCode",
          "lambda:TagResource", "lambda:PublishVersion", "lambda:UpdateAlias", "lambda:DeleteFunction",
          "monitoring:PutMetricAlarm", "monitoring:DeleteAlarms", "dynamodb:UpdateTable", "dynamodb:DeleteTable",
          "application-autoscaling:DeregisterScalableTarget", "apigateway:CreateRestApi", "apigateway:PutRestApi",
          "apigateway:CreateDeployment", "apigateway:CreateStage", "apigateway:UpdateStage", "lambda:AddPermission",
          "apigateway:DeleteRestApi");
    }
  }
}
