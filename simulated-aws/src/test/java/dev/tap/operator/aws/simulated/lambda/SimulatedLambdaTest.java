package dev.tap.operator.aws.simulated.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Lambda's rules as the API reference and the function-states and versions pages state them. */
class SimulatedLambdaTest {

  private static final Duration DELAY = Duration.ofSeconds(2);
  private static final String ROLE = "arn:aws:iam::123456789012:role/tap-api-lambda";
  private static final String OTHER_ROLE = "arn:aws:iam::123456789012:role/other";

  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private SimulatedAws aws;
  private SimulatedLambda lambda;

  @BeforeEach
  void account() {
    aws = new SimulatedAws(clock, DELAY);
    lambda = aws.lambda("us-east-1");
  }

  private GetFunctionConfigurationResponse create(String runtime, String snapStart) {
    lambda.createFunction(r -> r.functionName("fn").runtime(runtime).handler("h::handle").role(ROLE).memorySize(512)
        .timeout(10).architecturesWithStrings("x86_64").code(c -> c.s3Bucket("b").s3Key("v1.jar"))
        .snapStart(s -> s.applyOn(snapStart)).environment(e -> e.variables(Map.of("A", "1"))).tags(Map.of("owner", "me")));
    return lambda.getFunctionConfiguration(r -> r.functionName("fn"));
  }

  private void settle() {
    clock.advance(DELAY);
  }

  @Test
  void a_new_function_is_pending_then_active_and_refuses_changes_until_then() {
    assertThat(create("java21", "None").stateAsString()).isEqualTo("Pending");
    assertThatThrownBy(() -> lambda.updateFunctionConfiguration(r -> r.functionName("fn").memorySize(1024)))
        .isInstanceOf(ResourceConflictException.class).hasMessageContaining("Pending");
    settle();
    assertThat(lambda.getFunctionConfiguration(r -> r.functionName("fn")).stateAsString()).isEqualTo("Active");
    assertThatThrownBy(() -> create("java21", "None")).isInstanceOf(ResourceConflictException.class);
  }

  @Test
  void one_update_at_a_time_in_progress_then_successful_or_failed_with_its_reason() {
    create("java21", "None");
    settle();

    assertThat(lambda.updateFunctionConfiguration(r -> r.functionName("fn").memorySize(1024)).lastUpdateStatusAsString())
        .isEqualTo("InProgress");
    assertThatThrownBy(() -> lambda.updateFunctionCode(r -> r.functionName("fn").s3Bucket("b").s3Key("v2.jar")))
        .isInstanceOf(ResourceConflictException.class).hasMessageContaining("An update is in progress");
    settle();
    assertThat(lambda.getFunctionConfiguration(r -> r.functionName("fn")).lastUpdateStatusAsString()).isEqualTo("Successful");

    String codeBefore = lambda.getFunctionConfiguration(r -> r.functionName("fn")).codeSha256();
    lambda.state().failNextUpdate("fn", "The image manifest cannot be read");
    lambda.updateFunctionCode(r -> r.functionName("fn").s3Bucket("b").s3Key("v2.jar"));
    settle();
    GetFunctionConfigurationResponse failed = lambda.getFunctionConfiguration(r -> r.functionName("fn"));
    assertThat(failed.lastUpdateStatusAsString()).isEqualTo("Failed");
    assertThat(failed.lastUpdateStatusReason()).isEqualTo("The image manifest cannot be read");
    assertThat(failed.codeSha256()).as("the failed update abandoned, the previous code stays").isEqualTo(codeBefore);
    assertThat(failed.memorySize()).isEqualTo(1024);
  }

  @Test
  void publish_takes_the_next_number_only_when_code_or_configuration_changed() {
    create("java21", "None");
    settle();

    assertThat(lambda.publishVersion(r -> r.functionName("fn")).version()).isEqualTo("1");
    assertThat(lambda.publishVersion(r -> r.functionName("fn")).version()).isEqualTo("1");
    lambda.tagResource(r -> r.resource(lambda.getFunction(g -> g.functionName("fn")).configuration().functionArn())
        .tags(Map.of("team", "x")));
    assertThat(lambda.publishVersion(r -> r.functionName("fn")).version()).as("tags are not versioned").isEqualTo("1");

    lambda.updateFunctionCode(r -> r.functionName("fn").s3Bucket("b").s3Key("v2.jar"));
    assertThatThrownBy(() -> lambda.publishVersion(r -> r.functionName("fn"))).isInstanceOf(ResourceConflictException.class);
    settle();
    assertThatThrownBy(() -> lambda.publishVersion(r -> r.functionName("fn").codeSha256("stale")))
        .isInstanceOf(PreconditionFailedException.class);
    PublishVersionResponse two = lambda.publishVersion(r -> r.functionName("fn"));
    assertThat(two.version()).isEqualTo("2");
    assertThat(two.functionArn()).endsWith(":function:fn:2");
    assertThat(lambda.getFunctionConfiguration(r -> r.functionName("fn").qualifier("1")).codeSha256())
        .isNotEqualTo(two.codeSha256());
    assertThat(lambda.listVersionsByFunction(r -> r.functionName("fn")).versions())
        .extracting(FunctionConfiguration::version).containsExactly("$LATEST", "1", "2");
  }

  @Test
  void a_snapstart_version_is_pending_until_its_snapshot_is_ready_and_snapstart_needs_java() {
    create("java21", "PublishedVersions");
    settle();

    assertThat(lambda.publishVersion(r -> r.functionName("fn")).stateAsString()).isEqualTo("Pending");
    settle();
    assertThat(lambda.getFunctionConfiguration(r -> r.functionName("fn").qualifier("1")).stateAsString()).isEqualTo("Active");
    assertThatThrownBy(() -> lambda.createFunction(r -> r.functionName("py").runtime("python3.12").handler("h").role(ROLE)
        .code(c -> c.s3Bucket("b").s3Key("k")).snapStart(s -> s.applyOn("PublishedVersions"))))
        .isInstanceOf(InvalidParameterValueException.class);
  }

  @Test
  void an_alias_routes_to_published_versions_one_extra_at_most_with_a_weight_in_range_and_the_same_role() {
    create("java21", "None");
    settle();
    lambda.publishVersion(r -> r.functionName("fn"));
    lambda.updateFunctionCode(r -> r.functionName("fn").s3Bucket("b").s3Key("v2.jar"));
    settle();
    lambda.publishVersion(r -> r.functionName("fn"));
    lambda.createAlias(r -> r.functionName("fn").name("prod").functionVersion("1"));

    assertThatThrownBy(() -> lambda.createAlias(r -> r.functionName("fn").name("prod").functionVersion("1")))
        .isInstanceOf(ResourceConflictException.class);
    assertThatThrownBy(() -> lambda.updateAlias(r -> r.functionName("fn").name("prod")
        .routingConfig(c -> c.additionalVersionWeights(Map.of("2", 1.5))))).isInstanceOf(InvalidParameterValueException.class);
    assertThatThrownBy(() -> lambda.updateAlias(r -> r.functionName("fn").name("prod")
        .routingConfig(c -> c.additionalVersionWeights(Map.of("$LATEST", 0.1))))).isInstanceOf(InvalidParameterValueException.class);
    assertThatThrownBy(() -> lambda.updateAlias(r -> r.functionName("fn").name("prod").functionVersion("9")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(lambda.updateAlias(r -> r.functionName("fn").name("prod")
        .routingConfig(c -> c.additionalVersionWeights(Map.of("2", 0.1)))).routingConfig().additionalVersionWeights())
        .containsEntry("2", 0.1);

    lambda.updateFunctionConfiguration(r -> r.functionName("fn").role(OTHER_ROLE));
    settle();
    lambda.publishVersion(r -> r.functionName("fn"));
    assertThatThrownBy(() -> lambda.updateAlias(r -> r.functionName("fn").name("prod")
        .routingConfig(c -> c.additionalVersionWeights(Map.of("3", 0.1))))).isInstanceOf(InvalidParameterValueException.class)
        .hasMessageContaining("same execution role");
    assertThatThrownBy(() -> lambda.deleteFunction(r -> r.functionName("fn").qualifier("2")))
        .isInstanceOf(ResourceConflictException.class).hasMessageContaining("[prod]");
    lambda.deleteFunction(r -> r.functionName("fn").qualifier("3"));
    assertThat(lambda.listVersionsByFunction(r -> r.functionName("fn")).versions())
        .extracting(FunctionConfiguration::version).containsExactly("$LATEST", "1", "2");
  }

  @Test
  void permissions_refuse_a_second_statement_of_the_same_id_and_a_role_lambda_cannot_assume_is_refused() {
    create("java21", "None");
    lambda.addPermission(r -> r.functionName("fn").qualifier("prod").statementId("apigw").action("lambda:InvokeFunction")
        .principal("apigateway.amazonaws.com").sourceArn("arn:aws:execute-api:us-east-1:123456789012:abc/*"));

    assertThatThrownBy(() -> lambda.addPermission(r -> r.functionName("fn").qualifier("prod").statementId("apigw")
        .action("lambda:InvokeFunction").principal("apigateway.amazonaws.com"))).isInstanceOf(ResourceConflictException.class);
    assertThat(lambda.getPolicy(r -> r.functionName("fn").qualifier("prod")).policy()).contains("\"Sid\":\"apigw\"", "abc/*");
    assertThatThrownBy(() -> lambda.getPolicy(r -> r.functionName("fn"))).isInstanceOf(ResourceNotFoundException.class);

    lambda.state().denyRole(OTHER_ROLE);
    assertThatThrownBy(() -> lambda.createFunction(r -> r.functionName("fn2").runtime("java21").handler("h").role(OTHER_ROLE)
        .code(c -> c.s3Bucket("b").s3Key("k")))).isInstanceOf(InvalidParameterValueException.class)
        .hasMessageContaining("cannot be assumed");
  }

  @Test
  void invoke_runs_the_version_its_qualifier_names_through_the_invoker_and_says_when_nothing_runs_code() {
    create("java21", "None");
    settle();
    lambda.publishVersion(r -> r.functionName("fn"));
    lambda.updateFunctionCode(r -> r.functionName("fn").s3Bucket("b").s3Key("v2.jar"));
    settle();
    lambda.publishVersion(r -> r.functionName("fn"));
    SdkBytes event = SdkBytes.fromUtf8String("{\"httpMethod\":\"GET\"}");

    InvokeResponse nothingRuns = lambda.invoke(r -> r.functionName("fn").qualifier("1").payload(event));
    assertThat(nothingRuns.statusCode()).isEqualTo(200);
    assertThat(nothingRuns.functionError()).isEqualTo("Unhandled");
    assertThat(nothingRuns.payload().asUtf8String()).contains("\"errorType\":\"Simulated\"", "--serve");

    record Ran(String region, String function, String version, String s3Key, String payload) {}
    List<Ran> ran = new ArrayList<>();
    lambda.state().invoker((region, function, version, settings, payload) -> {
      ran.add(new Ran(region, function, version, settings.s3Key(), payload));
      return new FunctionInvoker.Outcome("{\"statusCode\":200}", "2".equals(version));
    });
    InvokeResponse one = lambda.invoke(r -> r.functionName("fn").qualifier("1").payload(event));
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(one.executedVersion()).isEqualTo("1");
    assertThat(one.functionError()).isNull();
    assertThat(one.payload().asUtf8String()).isEqualTo("{\"statusCode\":200}");
    assertThat(ran).containsExactly(new Ran("us-east-1", "fn", "1", "v1.jar", "{\"httpMethod\":\"GET\"}"));

    String arn = lambda.getFunction(r -> r.functionName("fn")).configuration().functionArn();
    InvokeResponse two = lambda.invoke(r -> r.functionName(arn).qualifier("2").payload(event));
    assertThat(two.executedVersion()).isEqualTo("2");
    assertThat(two.functionError()).as("the code failed").isEqualTo("Unhandled");

    // a weight of 1 sends every invocation to the alias's additional version
    lambda.createAlias(r -> r.functionName("fn").name("live").functionVersion("1")
        .routingConfig(c -> c.additionalVersionWeights(Map.of("2", 1.0))));
    assertThat(lambda.invoke(r -> r.functionName("fn").qualifier("live").payload(event)).executedVersion()).isEqualTo("2");
    lambda.updateAlias(r -> r.functionName("fn").name("live").routingConfig(c -> c.additionalVersionWeights(Map.of())));
    assertThat(lambda.invoke(r -> r.functionName("fn").qualifier("live").payload(event)).executedVersion()).isEqualTo("1");
    assertThat(lambda.invoke(r -> r.functionName("fn").payload(event)).executedVersion()).isEqualTo("$LATEST");
    assertThat(ran).extracting(Ran::version).containsExactly("1", "2", "2", "1", "$LATEST");

    assertThatThrownBy(() -> lambda.invoke(r -> r.functionName("fn").qualifier("9").payload(event)))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("function:fn:9");
    assertThatThrownBy(() -> lambda.invoke(r -> r.functionName("fn").qualifier("gone").payload(event)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> lambda.invoke(r -> r.functionName("other").qualifier("1").payload(event)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(lambda.invoke(r -> r.functionName("fn").qualifier("1").invocationType("DryRun")).statusCode())
        .isEqualTo(204);
    assertThatThrownBy(() -> lambda.invoke(r -> r.functionName("fn").qualifier("1").invocationType("Event")))
        .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("does not model");
    assertThatThrownBy(() -> lambda.invoke(r -> r.functionName("fn").qualifier("1").invocationType("Later")))
        .isInstanceOf(InvalidParameterValueException.class);
    assertThat(ran).as("neither a refused invocation nor a dry run runs code").hasSize(5);
    assertThat(aws.calls().count("lambda", "Invoke")).isEqualTo(12);
  }

  @Test
  void a_pending_function_refuses_invocations() {
    create("java21", "None");

    assertThatThrownBy(() -> lambda.invoke(r -> r.functionName("fn"))).isInstanceOf(ResourceConflictException.class)
        .hasMessageContaining("Pending");
  }
}
