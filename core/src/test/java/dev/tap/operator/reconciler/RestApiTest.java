package dev.tap.operator.reconciler;

import static dev.tap.operator.OperatorHarness.REGION;
import static dev.tap.operator.OperatorHarness.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tap.operator.OperatorHarness;
import dev.tap.operator.OperatorTest;
import dev.tap.operator.api.v1alpha1.AccessLogSpec;
import dev.tap.operator.api.v1alpha1.AckAnnotations;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.simulated.apigateway.SimulatedApiGateway;
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.model.Op;

/** The REST API in front of the alias, its stage and the alias's permission, on the simulated API Gateway. */
@OperatorTest
class RestApiTest {

  static KubernetesClient client;
  private OperatorHarness operator;

  private SimulatedApiGateway apiGateway() {
    return operator.aws.apiGateway(REGION);
  }

  private long calls(String operation) {
    return operator.aws.calls().count("apigateway", operation);
  }

  @Test
  void the_api_is_created_deployed_once_and_lets_exactly_itself_invoke_the_alias() throws Exception {
    operator.create(sample("prod.yaml", "shop", a -> a));
    ServerlessApi api = operator.awaitCondition("shop", Conditions.READY, Conditions.TRUE);

    String id = api.getStatus().getApi().getId();
    assertThat(apiGateway().state().peekIds()).containsExactly(id);
    assertThat(api.getStatus().getApi().getInvokeUrl()).isEqualTo("https://" + id + ".execute-api.us-east-1.amazonaws.com/prod");
    assertThat(api.getStatus().getApi().getRateLimit()).isEqualTo(100.0);
    assertThat(api.getStatus().getApi().getBurstLimit()).isEqualTo(200);
    assertThat(api.getStatus().getApi().getLoggingLevel()).isEqualTo("INFO");
    assertThat(api.getStatus().getApi().getMetricsEnabled()).isTrue();
    assertThat(api.getStatus().getApi().getDefinitionHash()).isNotBlank();
    String policy = operator.aws.lambda(REGION).getPolicy(r -> r.functionName("shop-api-prod").qualifier("prod")).policy();
    assertThat(new ObjectMapper().readTree(policy).at("/Statement/0/Condition/ArnLike/AWS:SourceArn").asText())
        .isEqualTo("arn:aws:execute-api:us-east-1:123456789012:" + id + "/*");
    assertThat(calls("CreateRestApi")).isEqualTo(1);
    assertThat(calls("PutRestApi")).isEqualTo(1);
    assertThat(calls("CreateDeployment")).isEqualTo(1);
    // Create, import and deploy, create the stage, set it: five writes; each pass reads the API (by tag,
    // then by id), its stage and deployment, and the account's logging role.
    long writes = operator.aws.calls().snapshot().entrySet().stream()
        .filter(e -> e.getKey().startsWith("apigateway:") && !e.getKey().matches(".*:(Get).*"))
        .mapToLong(Map.Entry::getValue).sum();
    long all = operator.aws.calls().snapshot().entrySet().stream().filter(e -> e.getKey().startsWith("apigateway:"))
        .mapToLong(Map.Entry::getValue).sum();
    assertThat(writes).isEqualTo(5);
    assertThat(all).as("API Gateway calls from nothing to Ready").isLessThanOrEqualTo(25);

    operator.reconcileOnceMore("shop");
    assertThat(calls("CreateDeployment")).as("an unchanged definition is not deployed again").isEqualTo(1);
    assertThat(calls("PutRestApi")).isEqualTo(1);
  }

  @Test
  void a_stage_setting_changed_outside_is_put_back() {
    operator.create(sample("prod.yaml", "drift", a -> a));
    String id = operator.awaitCondition("drift", Conditions.READY, Conditions.TRUE).getStatus().getApi().getId();

    apiGateway().updateStage(r -> r.restApiId(id).stageName("prod").patchOperations(
        p -> p.op(Op.REPLACE).path("/*/*/throttling/rateLimit").value("5")));
    operator.reconcileOnceMore("drift");
    operator.awaitCondition("drift", Conditions.READY, Conditions.TRUE);

    assertThat(apiGateway().state().peekRateLimit(id, "prod")).contains(100.0);
    assertThat(client.v1().events().inNamespace("default").list().getItems())
        .anySatisfy(e -> assertThat(e.getMessage()).contains("stage prod: throttling/rateLimit 100.0"));
  }

  @Test
  void logging_without_the_accounts_cloudwatch_role_says_so() {
    apiGateway().state().setCloudWatchRoleArn(null);
    operator.create(sample("prod.yaml", "quiet", a -> a));

    ServerlessApi blocked = operator.awaitCondition("quiet", Conditions.TERMINAL, Conditions.TRUE);

    assertThat(OperatorHarness.condition(blocked, Conditions.TERMINAL).orElseThrow().getMessage())
        .contains("CloudWatch role", "loggingLevel OFF");
    assertThat(calls("UpdateStage")).isZero();
  }

  @Test
  void an_untagged_api_of_the_same_name_is_left_alone_unless_adoption_is_asked_for() {
    String theirs = apiGateway().createRestApi(r -> r.name("lone-api-prod")).id();
    operator.create(sample("prod.yaml", "lone", a -> a));

    ServerlessApi blocked = operator.awaitCondition("lone", Conditions.TERMINAL, Conditions.TRUE);

    assertThat(OperatorHarness.condition(blocked, Conditions.TERMINAL).orElseThrow())
        .satisfies(c -> assertThat(c.getReason()).isEqualTo("NotOwned"))
        .satisfies(c -> assertThat(c.getMessage()).contains(theirs, "without the tag tap.dev/owner=default/lone"));
    assertThat(apiGateway().state().peekIds()).containsExactly(theirs);
    assertThat(calls("CreateRestApi")).as("only the test's own").isEqualTo(1);
  }

  @Test
  void two_untagged_apis_to_adopt_are_named_not_guessed() {
    String first = apiGateway().createRestApi(r -> r.name("pick-api-prod")).id();
    String second = apiGateway().createRestApi(r -> r.name("pick-api-prod")).id();
    operator.create(sample("prod.yaml", "pick", a -> {
      a.getMetadata().setAnnotations(Map.of(AckAnnotations.ADOPTION_POLICY, "adopt-or-create"));
      return a;
    }));

    ServerlessApi blocked = operator.awaitCondition("pick", Conditions.TERMINAL, Conditions.TRUE);

    assertThat(OperatorHarness.condition(blocked, Conditions.TERMINAL).orElseThrow())
        .satisfies(c -> assertThat(c.getReason()).isEqualTo("AmbiguousAdoption"))
        .satisfies(c -> assertThat(c.getMessage()).contains(first, second));
    assertThat(apiGateway().state().peekIds()).containsExactly(first, second);
  }

  @Test
  void two_apis_with_our_owner_tag_are_named_not_guessed() {
    String first = apiGateway().createRestApi(r -> r.name("twice-api-prod").tags(Map.of("tap.dev/owner", "default/twice"))).id();
    String second = apiGateway().createRestApi(r -> r.name("twice-api-prod").tags(Map.of("tap.dev/owner", "default/twice"))).id();
    operator.create(sample("prod.yaml", "twice", a -> a));

    ServerlessApi blocked = operator.awaitCondition("twice", Conditions.TERMINAL, Conditions.TRUE);

    assertThat(OperatorHarness.condition(blocked, Conditions.TERMINAL).orElseThrow().getMessage()).contains(first, second);
    assertThat(apiGateway().state().peekIds()).containsExactly(first, second);
  }

  @Test
  void a_crash_between_creating_the_api_and_writing_status_never_makes_a_second_one() throws Exception {
    operator.crashAfter("CreateRestApi");
    operator.create(sample("prod.yaml", "once", a -> a));
    operator.awaitCrashAndRestart();

    ServerlessApi api = operator.awaitCondition("once", Conditions.READY, Conditions.TRUE);

    assertThat(apiGateway().state().peekIds()).containsExactly(api.getStatus().getApi().getId());
    assertThat(calls("CreateRestApi")).isEqualTo(1);
  }

  @Test
  void a_permission_for_another_api_is_replaced_by_one_for_this_api() throws Exception {
    operator.create(sample("prod.yaml", "moved", a -> a));
    String id = operator.awaitCondition("moved", Conditions.READY, Conditions.TRUE).getStatus().getApi().getId();
    var lambda = operator.aws.lambda(REGION);
    lambda.removePermission(r -> r.functionName("moved-api-prod").qualifier("prod").statementId("tap-apigateway-invoke"));
    lambda.addPermission(r -> r.functionName("moved-api-prod").qualifier("prod").statementId("tap-apigateway-invoke")
        .action("lambda:InvokeFunction").principal("apigateway.amazonaws.com")
        .sourceArn("arn:aws:execute-api:us-east-1:123456789012:oldapi0001/*"));

    operator.reconcileOnceMore("moved");
    operator.awaitCondition("moved", Conditions.READY, Conditions.TRUE);

    String policy = lambda.getPolicy(r -> r.functionName("moved-api-prod").qualifier("prod")).policy();
    var statements = new ObjectMapper().readTree(policy).path("Statement");
    assertThat(statements).hasSize(1);
    assertThat(statements.get(0).at("/Condition/ArnLike/AWS:SourceArn").asText())
        .isEqualTo("arn:aws:execute-api:us-east-1:123456789012:" + id + "/*");
  }

  @Test
  void tracing_and_access_logs_follow_the_spec_and_go_when_dropped() {
    operator.create(sample("prod.yaml", "traced", a -> {
      AccessLogSpec logs = new AccessLogSpec();
      logs.setDestinationArn("arn:aws:logs:us-east-1:123456789012:log-group:tap-access");
      logs.setFormat("$context.requestId $context.status");
      a.getSpec().getApi().setAccessLogs(logs);
      a.getSpec().getApi().setTracingEnabled(true);
      return a;
    }));
    ServerlessApi traced = operator.awaitCondition("traced", Conditions.READY, Conditions.TRUE);
    String id = traced.getStatus().getApi().getId();
    assertThat(traced.getStatus().getApi().getTracingEnabled()).isTrue();
    assertThat(traced.getStatus().getApi().getAccessLogDestinationArn()).endsWith("log-group:tap-access");

    operator.edit("traced", a -> {
      a.getSpec().getApi().setAccessLogs(null);
      return a;
    });
    operator.awaitCondition("traced", Conditions.READY, Conditions.TRUE);

    var stage = apiGateway().getStage(r -> r.restApiId(id).stageName("prod"));
    assertThat(stage.accessLogSettings()).isNull();
    assertThat(stage.tracingEnabled()).isTrue();
    assertThat(client.v1().events().inNamespace("default").list().getItems()).extracting(e -> e.getMessage())
        .anySatisfy(m -> assertThat(m).contains("tracingEnabled true"))
        .anySatisfy(m -> assertThat(m).contains("stage prod: remove accessLogSettings"));
  }

  @Test
  void throttling_by_api_gateway_is_retried_until_ready() {
    operator.aws.faults().throttle("apigateway", 3);

    operator.create(sample("prod.yaml", "busy", a -> a));

    operator.awaitCondition("busy", Conditions.READY, Conditions.TRUE);
    assertThat(apiGateway().state().peekIds()).hasSize(1);
  }
}
