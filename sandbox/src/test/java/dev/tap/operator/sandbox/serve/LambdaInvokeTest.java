package dev.tap.operator.sandbox.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.aws.simulated.cloudwatch.MetricStore;
import dev.tap.operator.aws.simulated.lambda.SimulatedLambda;
import dev.tap.testsupport.Dynalite;
import dev.tap.testsupport.DynaliteExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** The simulated Lambda's Invoke of a published version, run by the served sandbox as a stage's request is. */
@ExtendWith(DynaliteExtension.class)
class LambdaInvokeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path HANDLER_JAR = Path.of("..", "handler", "target", "tap-handler.jar");
  private static final String ROLE = "arn:aws:iam::123456789012:role/tap-api-lambda";
  /** An API Gateway proxy event (payload version 1.0) for GET /items. */
  private static final String GET_ITEMS = "{\"resource\":\"/items\",\"path\":\"/items\",\"httpMethod\":\"GET\","
      + "\"headers\":null,\"multiValueHeaders\":null,\"queryStringParameters\":null,"
      + "\"multiValueQueryStringParameters\":null,\"pathParameters\":null,\"stageVariables\":null,"
      + "\"requestContext\":{\"resourcePath\":\"/items\",\"httpMethod\":\"GET\",\"path\":\"/prod/items\","
      + "\"stage\":\"prod\",\"requestId\":\"pre-traffic-1\"},\"body\":null,\"isBase64Encoded\":false}";

  @Test
  void invoke_runs_the_version_in_the_fleet_with_its_faults_and_publishes_metrics_of_a_direct_invocation(
      Dynalite dynalite) throws Exception {
    Dynalite.createItemsTable(dynalite.client(), "invoke-items", "createdAt-index");
    SimulatedAws aws = new SimulatedAws(Clock.systemUTC(), Duration.ZERO);
    SimulatedLambda lambda = aws.lambda("us-east-1");
    lambda.createFunction(r -> r.functionName("items").runtime("java21")
        .handler("dev.tap.handler.ItemsHandler::handleRequest").role(ROLE).memorySize(256).timeout(10)
        .code(c -> c.s3Bucket("code").s3Key("tap-handler.jar"))
        .environment(e -> e.variables(Map.of("TABLE_NAME", "invoke-items"))));
    String version = lambda.publishVersion(r -> r.functionName("items")).version();
    LambdaFaults faults = new LambdaFaults();

    try (ServedStages stages = new ServedStages(aws,
        new FunctionFleet(1, ServedStages.INTEGRATION_TIMEOUT, ServedStages.CREDENTIALS, faults),
        new CodeArtifacts(Optional.of(HANDLER_JAR), Map.of()), Optional.of(dynalite.endpoint().toString()),
        Optional.empty(), Clock.systemUTC(), line -> {}, List.of())) {
      // the pass that serves stages is also the one that plugs the fleet into each region's Lambda
      stages.refresh();

      InvokeResponse answer = invoke(lambda, version);
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.functionError()).as(answer.payload().asUtf8String()).isNull();
      assertThat(answer.executedVersion()).isEqualTo(version);
      assertThat(JSON.readTree(answer.payload().asUtf8String()).path("statusCode").asInt()).isEqualTo(200);

      faults.set("items", version, new LambdaFaults.Fault(100, 0));
      InvokeResponse failed = invoke(lambda, version);
      assertThat(failed.functionError()).isEqualTo("Unhandled");
      assertThat(failed.payload().asUtf8String()).contains("FaultInjectionError");
    }

    MetricStore metrics = aws.cloudWatch("us-east-1").state().metrics();
    assertThat(metrics.values(new MetricStore.Series("AWS/Lambda", "Errors",
        Map.of("FunctionName", "items", "Resource", "items:" + version)), Instant.EPOCH, Instant.now().plusSeconds(1)))
        .containsExactly(0.0, 1.0);
    assertThat(metrics.series()).as("ExecutedVersion is for an alias's invocations only")
        .noneMatch(s -> s.dimensions().containsKey("ExecutedVersion"));
    assertThat(aws.calls().count("lambda", "Invoke")).isEqualTo(2);
  }

  private static InvokeResponse invoke(SimulatedLambda lambda, String version) {
    return lambda.invoke(r -> r.functionName("items").qualifier(version).payload(SdkBytes.fromUtf8String(GET_ITEMS)));
  }
}
