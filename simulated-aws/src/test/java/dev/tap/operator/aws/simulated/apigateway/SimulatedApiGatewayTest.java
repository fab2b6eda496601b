package dev.tap.operator.aws.simulated.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.testsupport.JumpingClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.MethodSetting;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PutMode;
import software.amazon.awssdk.services.apigateway.model.TooManyRequestsException;

class SimulatedApiGatewayTest {

  private static final String URI = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
      + "arn:aws:lambda:us-east-1:123456789012:function:tap-api-dev:dev/invocations";

  private final SimulatedAws aws = new SimulatedAws(new JumpingClock(), Duration.ZERO);
  private final SimulatedApiGateway apiGateway = aws.apiGateway("us-east-1");

  private static String definition(String integration) {
    return "{\"openapi\":\"3.0.1\",\"paths\":{\"/items\":{\"get\":{\"responses\":{\"200\":{\"description\":\"ok\"}}"
        + (integration.isEmpty() ? "" : ",") + integration + "}}}}";
  }

  private String api(String name) {
    return apiGateway.createRestApi(r -> r.name(name).tags(Map.of("tap.dev/owner", "dev/tap"))).id();
  }

  @Test
  void names_may_repeat_ids_do_not_and_lists_page() {
    String first = api("tap-api-dev");
    String second = api("tap-api-dev");

    assertThat(first).isNotEqualTo(second);
    var page = apiGateway.getRestApis(r -> r.limit(1));
    assertThat(page.items()).singleElement().satisfies(a -> assertThat(a.tags()).containsEntry("tap.dev/owner", "dev/tap"));
    assertThat(apiGateway.getRestApis(r -> r.position(page.position())).items()).extracting(a -> a.id())
        .containsExactly(second);
    assertThatThrownBy(() -> apiGateway.getRestApi(r -> r.restApiId("nothing"))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> apiGateway.getRestApis(r -> r.limit(501))).isInstanceOf(BadRequestException.class);
  }

  @Test
  void a_definition_deploys_only_when_every_method_has_an_integration() {
    String id = api("tap-api-dev");
    apiGateway.putRestApi(r -> r.restApiId(id).mode(PutMode.OVERWRITE).body(SdkBytes.fromUtf8String(definition(""))));
    assertThatThrownBy(() -> apiGateway.createDeployment(r -> r.restApiId(id)))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("No integration defined for method");
    assertThatThrownBy(() -> apiGateway.putRestApi(r -> r.restApiId(id).mode(PutMode.OVERWRITE).body(SdkBytes.fromUtf8String(
        definition("\"x-amazon-apigateway-integration\":{\"type\":\"aws_proxy\",\"httpMethod\":\"GET\",\"uri\":\"" + URI + "\"}")))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("POST");
    assertThatThrownBy(() -> apiGateway.putRestApi(r -> r.restApiId(id).body(SdkBytes.fromUtf8String("{\"paths\":{}}"))))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> apiGateway.putRestApi(r -> r.restApiId(id).body(SdkBytes.fromUtf8String(
        "{\"openapi\":\"3.0.1\",\"paths\":{\"/items\":{\"get\":{\"responses\":{}}}}}"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("responses should be non-empty");

    apiGateway.putRestApi(r -> r.restApiId(id).mode(PutMode.OVERWRITE).body(SdkBytes.fromUtf8String(definition(
        "\"x-amazon-apigateway-integration\":{\"type\":\"aws_proxy\",\"httpMethod\":\"POST\",\"uri\":\"" + URI + "\"}"))));
    String deployment = apiGateway.createDeployment(r -> r.restApiId(id).description("definition abc")).id();

    assertThat(apiGateway.getDeployment(r -> r.restApiId(id).deploymentId(deployment)).description()).isEqualTo("definition abc");
    assertThat(apiGateway.getDeployments(r -> r.restApiId(id)).items()).hasSize(1);
  }

  @Test
  void stage_settings_are_patched_and_logging_needs_the_accounts_cloudwatch_role() {
    String id = api("tap-api-dev");
    apiGateway.putRestApi(r -> r.restApiId(id).mode(PutMode.OVERWRITE).body(SdkBytes.fromUtf8String(definition(
        "\"x-amazon-apigateway-integration\":{\"type\":\"aws_proxy\",\"httpMethod\":\"POST\",\"uri\":\"" + URI + "\"}"))));
    String deployment = apiGateway.createDeployment(r -> r.restApiId(id)).id();
    apiGateway.createStage(r -> r.restApiId(id).stageName("dev").deploymentId(deployment));
    apiGateway.state().setCloudWatchRoleArn(null);
    assertThatThrownBy(() -> apiGateway.createStage(r -> r.restApiId(id).stageName("dev").deploymentId(deployment)))
        .isInstanceOf(ConflictException.class);

    apiGateway.updateStage(r -> r.restApiId(id).stageName("dev").patchOperations(
        p -> p.op(Op.REPLACE).path("/*/*/throttling/rateLimit").value("100"),
        p -> p.op(Op.REPLACE).path("/*/*/metrics/enabled").value("true")));
    assertThatThrownBy(() -> apiGateway.updateStage(r -> r.restApiId(id).stageName("dev").patchOperations(
        p -> p.op(Op.REPLACE).path("/*/*/logging/loglevel").value("INFO"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("CloudWatch Logs role ARN");
    assertThatThrownBy(() -> apiGateway.updateStage(r -> r.restApiId(id).stageName("dev").patchOperations(
        p -> p.op(Op.REPLACE).path("/*/*/throttling/rate").value("1"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid patch path");
    apiGateway.state().setCloudWatchRoleArn("arn:aws:iam::123456789012:role/apigw-logs");
    apiGateway.updateStage(r -> r.restApiId(id).stageName("dev").patchOperations(
        p -> p.op(Op.REPLACE).path("/*/*/logging/loglevel").value("INFO")));

    MethodSetting all = apiGateway.getStage(r -> r.restApiId(id).stageName("dev")).methodSettings().get("*/*");
    assertThat(all.throttlingRateLimit()).isEqualTo(100.0);
    assertThat(all.metricsEnabled()).isTrue();
    assertThat(all.loggingLevel()).isEqualTo("INFO");
    assertThat(apiGateway.getAccount(r -> { }).cloudwatchRoleArn()).endsWith("apigw-logs");
  }

  @Test
  void over_its_quota_api_gateway_answers_too_many_requests() {
    aws.rateLimits().limit("apigateway", "CreateRestApi", 1.0 / 3, 1);
    api("first");

    assertThatThrownBy(() -> api("second")).isInstanceOf(TooManyRequestsException.class);
    assertThat(aws.calls().count(SimulatedAws.API_GATEWAY, "CreateRestApi")).isEqualTo(2);
  }
}
