package dev.tap.operator.reconciler;

import static dev.tap.operator.OperatorHarness.PATIENCE;
import static dev.tap.operator.OperatorHarness.REGION;
import static dev.tap.operator.OperatorHarness.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.OperatorTest;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Who owns what: a same-named AWS resource without our owner tag is left alone unless the adoption
 * policy says so, one tagged for another owner never is (for the function, an alarm and the REST API;
 * the table's cases are in {@link TableAndScalingTest}); two resources with the same AWS names never
 * fight; the ACK annotations take effect without a spec change. Resyncs are rare here, so what
 * happens is caused by the test's own changes.
 */
@OperatorTest(operator = OperatorTest.Started.RARE_RESYNC)
class OwnershipTest {

  static KubernetesClient client;
  private OperatorHarness operator;

  /** An AWS resource the operator would make for {@code name} in dev, made beforehand by someone else. */
  enum Foreign {
    FUNCTION("function", (aws, name) -> {
      aws.lambda(REGION).createFunction(r -> r.functionName(name + "-api-dev").runtime("java21").handler("x.Y::handle")
          .role("arn:aws:iam::123456789012:role/tap-api-lambda").code(c -> c.s3Bucket("tap-artifacts").s3Key("old.jar")));
      return aws.lambda(REGION).getFunction(r -> r.functionName(name + "-api-dev")).configuration().functionArn();
    }, (aws, arn) -> aws.lambda(REGION).listTags(r -> r.resource(arn)).tags()),
    ALARM("alarm", (aws, name) -> {
      aws.cloudWatch(REGION).putMetricAlarm(r -> r.alarmName(name + "-lambda-errors-dev").namespace("AWS/Lambda")
          .metricName("Errors").statistic("Sum").period(60).evaluationPeriods(1).threshold(1.0)
          .comparisonOperator("GreaterThanThreshold"));
      return aws.cloudWatch(REGION).describeAlarms(r -> r.alarmNames(name + "-lambda-errors-dev")).metricAlarms().get(0)
          .alarmArn();
    }, (aws, arn) -> tagsOf(aws.cloudWatch(REGION).listTagsForResource(r -> r.resourceARN(arn)).tags())),
    REST_API("REST API", (aws, name) -> aws.apiGateway(REGION).createRestApi(r -> r.name(name + "-api-dev")).id(),
        (aws, id) -> aws.apiGateway(REGION).getRestApi(r -> r.restApiId(id)).tags());

    final String kind;
    final BiFunction<SimulatedAws, String, String> make;
    final BiFunction<SimulatedAws, String, Map<String, String>> tags;

    Foreign(String kind, BiFunction<SimulatedAws, String, String> make,
        BiFunction<SimulatedAws, String, Map<String, String>> tags) {
      this.kind = kind;
      this.make = make;
      this.tags = tags;
    }

    private static Map<String, String> tagsOf(java.util.List<software.amazon.awssdk.services.cloudwatch.model.Tag> tags) {
      Map<String, String> map = new HashMap<>();
      tags.forEach(t -> map.put(t.key(), t.value()));
      return map;
    }
  }

  private static ServerlessApi adoptOrCreate(ServerlessApi api) {
    Map<String, String> annotations = new HashMap<>();
    if (api.getMetadata().getAnnotations() != null) {
      annotations.putAll(api.getMetadata().getAnnotations());
    }
    annotations.put("services.k8s.aws/adoption-policy", "adopt-or-create");
    api.getMetadata().setAnnotations(annotations);
    return api;
  }

  private String terminal(String name) {
    Condition condition = OperatorHarness.condition(operator.awaitCondition(name, Conditions.TERMINAL, Conditions.TRUE),
        Conditions.TERMINAL).orElseThrow();
    return condition.getReason() + ": " + condition.getMessage();
  }

  @ParameterizedTest
  @EnumSource(Foreign.class)
  void an_unowned_resource_is_left_alone_until_the_adoption_annotation_and_then_adopted_at_once(Foreign foreign) {
    String id = foreign.make.apply(operator.aws, "found");

    operator.create(sample("dev.yaml", "found", api -> api));
    assertThat(terminal("found")).startsWith("NotOwned: ").contains(foreign.kind + " found-", "services.k8s.aws/adoption-policy");
    assertThat(foreign.tags.apply(operator.aws, id)).doesNotContainKey("tap.dev/owner");

    long generation = operator.get("found").getMetadata().getGeneration();
    operator.edit("found", api -> adoptOrCreate(api));
    ServerlessApi ready = operator.awaitCondition("found", Conditions.READY, Conditions.TRUE);

    assertThat(ready.getMetadata().getGeneration()).as("metadata only: no new generation").isEqualTo(generation);
    assertThat(OperatorHarness.condition(ready, Conditions.ADOPTED).orElseThrow().getMessage()).contains(foreign.kind);
    assertThat(foreign.tags.apply(operator.aws, id)).containsEntry("tap.dev/owner", "default/found");
  }

  @ParameterizedTest
  @EnumSource(Foreign.class)
  void a_resource_tagged_for_another_owner_is_never_adopted(Foreign foreign) {
    String id = foreign.make.apply(operator.aws, "theirs");
    tagForAnotherOwner(foreign, id);

    operator.create(sample("dev.yaml", "theirs", OwnershipTest::adoptOrCreate));

    if (foreign == Foreign.REST_API) {
      // API Gateway names may repeat: another owner's API is simply not ours, and ours is made beside it.
      operator.awaitCondition("theirs", Conditions.READY, Conditions.TRUE);
      assertThat(operator.aws.apiGateway(REGION).state().peekIds()).hasSize(2);
    } else {
      assertThat(terminal("theirs")).startsWith("OwnedByAnother: ").contains("other/theirs");
    }
    assertThat(foreign.tags.apply(operator.aws, id)).containsEntry("tap.dev/owner", "other/theirs");
  }

  private void tagForAnotherOwner(Foreign foreign, String id) {
    Map<String, String> tags = Map.of("tap.dev/owner", "other/theirs");
    switch (foreign) {
      case FUNCTION -> operator.aws.lambda(REGION).tagResource(r -> r.resource(id).tags(tags));
      case ALARM -> operator.aws.cloudWatch(REGION).tagResource(r -> r.resourceARN(id).tags(
          software.amazon.awssdk.services.cloudwatch.model.Tag.builder().key("tap.dev/owner").value("other/theirs").build()));
      case REST_API -> operator.aws.apiGateway(REGION).tagResource(r -> r.resourceArn(
          "arn:aws:apigateway:" + REGION + "::/restapis/" + id).tags(tags));
    }
  }

  @Test
  void the_same_name_and_environment_in_a_second_namespace_is_terminal_and_changes_nothing() {
    operator.create(sample("dev.yaml", "twin", api -> api));
    operator.awaitCondition("twin", Conditions.READY, Conditions.TRUE);
    operator.aws.calls().reset();

    ServerlessApi second = sample("dev.yaml", "twin", api -> api);
    second.getMetadata().setNamespace("team-b");
    client.resources(ServerlessApi.class).inNamespace("team-b").resource(second).create();
    await().atMost(PATIENCE).until(() -> OperatorHarness.condition(
        client.resources(ServerlessApi.class).inNamespace("team-b").withName("twin").get(), Conditions.TERMINAL).isPresent());

    Condition terminal = OperatorHarness.condition(
        client.resources(ServerlessApi.class).inNamespace("team-b").withName("twin").get(), Conditions.TERMINAL).orElseThrow();
    assertThat(terminal.getReason()).isEqualTo("NameCollision");
    assertThat(terminal.getMessage()).contains("twin-items-dev", "belong to default/twin, which claimed them first");
    assertThat(operator.aws.calls().total()).as("not even a read").isZero();
    assertThat(operator.has("twin", Conditions.READY, Conditions.TRUE)).isTrue();

    // Deleting the second (policy Delete) touches nothing of the first's.
    client.resources(ServerlessApi.class).inNamespace("team-b").withName("twin").delete();
    await().atMost(PATIENCE).until(() -> client.resources(ServerlessApi.class).inNamespace("team-b").withName("twin").get() == null);
    assertThat(operator.aws.calls().writes()).isZero();
  }
}
