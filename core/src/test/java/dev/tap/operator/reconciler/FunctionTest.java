package dev.tap.operator.reconciler;

import static dev.tap.operator.OperatorHarness.PATIENCE;
import static dev.tap.operator.OperatorHarness.REGION;
import static dev.tap.operator.OperatorHarness.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.OperatorTest;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.simulated.lambda.SimulatedLambda;
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/** The Lambda function, its published versions and the environment's alias, on the simulated Lambda. */
@OperatorTest
class FunctionTest {

  static KubernetesClient client;
  private OperatorHarness operator;

  private SimulatedLambda lambda() {
    return operator.aws.lambda(REGION);
  }

  private List<String> versions(String function) {
    return lambda().listVersionsByFunction(r -> r.functionName(function)).versions().stream()
        .map(FunctionConfiguration::version).filter(v -> !"$LATEST".equals(v)).toList();
  }

  private String aliasVersion(String function, String alias) {
    return lambda().getAlias(r -> r.functionName(function).name(alias)).functionVersion();
  }

  private ServerlessApi ready(String file, String name, java.util.function.UnaryOperator<ServerlessApi> edit) {
    operator.create(sample(file, name, edit));
    return operator.awaitCondition(name, Conditions.READY, Conditions.TRUE);
  }

  private ServerlessApi change(String name, java.util.function.UnaryOperator<ServerlessApi> edit) {
    operator.edit(name, edit);
    return operator.awaitCondition(name, Conditions.READY, Conditions.TRUE);
  }

  @Test
  void the_first_deploy_creates_the_function_publishes_version_1_and_points_the_alias_at_it() {
    ServerlessApi api = ready("dev.yaml", "first", a -> a);

    FunctionConfiguration latest = lambda().getFunction(r -> r.functionName("first-api-dev")).configuration();
    assertThat(latest.environment().variables()).containsEntry("TABLE_NAME", "first-items-dev")
        .containsEntry("INDEX_NAME", "createdAt-index").containsKey("PAGE_TOKEN_KEY");
    assertThat(latest.memorySize()).isEqualTo(256);
    assertThat(versions("first-api-dev")).containsExactly("1");
    assertThat(aliasVersion("first-api-dev", "dev")).isEqualTo("1");
    assertThat(api.getStatus().getFunction().getStableVersion()).isEqualTo("1");
    assertThat(api.getStatus().getFunction().getVersions()).isEqualTo(1);

    // The key was generated once into a Secret owned by the resource, and is in no status, event or log.
    Secret secret = client.secrets().inNamespace("default").withName("first-page-token").get();
    String key = new String(Base64.getDecoder().decode(secret.getData().get("key")), StandardCharsets.UTF_8);
    assertThat(latest.environment().variables()).containsEntry("PAGE_TOKEN_KEY", key);
    assertThat(secret.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getName()).isEqualTo("first"));
    assertThat(Serialization.asJson(api.getStatus())).doesNotContain(key);
    assertThat(client.v1().events().inNamespace("default").list().getItems()).extracting(Event::getMessage)
        .noneMatch(message -> message.contains(key));
  }

  @Test
  void a_code_change_and_a_configuration_change_each_publish_exactly_one_version_and_move_the_alias() {
    ready("dev.yaml", "moves", a -> a);
    operator.aws.calls().reset();

    change("moves", a -> {
      a.getSpec().getFunction().getCode().setS3Key("handler/tap-handler-1.1.0.jar");
      return a;
    });
    assertThat(versions("moves-api-dev")).containsExactly("1", "2");
    assertThat(aliasVersion("moves-api-dev", "dev")).isEqualTo("2");

    change("moves", a -> {
      a.getSpec().getFunction().setMemorySize(1024);
      return a;
    });
    assertThat(versions("moves-api-dev")).containsExactly("1", "2", "3");
    assertThat(aliasVersion("moves-api-dev", "dev")).isEqualTo("3");
    assertThat(operator.aws.calls().count("lambda", "PublishVersion")).isEqualTo(2);
    assertThat(operator.aws.calls().count("lambda", "UpdateFunctionCode")).isEqualTo(1);
    assertThat(operator.aws.calls().count("lambda", "UpdateFunctionConfiguration")).isEqualTo(1);
  }

  @Test
  void a_tag_on_the_function_publishes_nothing_and_nothing_changed_means_no_publish() {
    ready("dev.yaml", "tagged", a -> a);
    String arn = lambda().getFunction(r -> r.functionName("tagged-api-dev")).configuration().functionArn();
    operator.aws.calls().reset();

    lambda().tagResource(r -> r.resource(arn).tags(Map.of("cost-center", "42")));
    operator.reconcileOnceMore("tagged");
    operator.reconcileOnceMore("tagged");

    assertThat(operator.aws.calls().count("lambda", "PublishVersion")).isZero();
    assertThat(versions("tagged-api-dev")).containsExactly("1");
  }

  @Test
  void a_pinned_version_holds_the_alias_and_retention_never_deletes_what_the_alias_routes_to() {
    ready("dev.yaml", "kept", a -> a);
    for (String key : List.of("b", "c", "d")) {
      change("kept", a -> {
        a.getSpec().getFunction().getCode().setS3Key("handler/" + key + ".jar");
        return a;
      });
    }
    assertThat(versions("kept-api-dev")).containsExactly("2", "3", "4");

    // dev keeps 2 old versions besides the routed one; pin the alias to 2 and change the code again.
    change("kept", a -> {
      a.getSpec().getFunction().setVersion("2");
      a.getSpec().getFunction().getCode().setS3Key("handler/e.jar");
      return a;
    });

    assertThat(aliasVersion("kept-api-dev", "dev")).isEqualTo("2");
    assertThat(versions("kept-api-dev")).contains("2").doesNotContain("5");
    assertThat(operator.aws.calls().count("lambda", "DeleteFunction")).isPositive();
  }

  @Test
  void the_page_token_key_survives_a_lost_secret_so_issued_tokens_stay_valid() {
    ready("dev.yaml", "keyed", a -> a);
    String key = lambda().getFunctionConfiguration(r -> r.functionName("keyed-api-dev")).environment().variables()
        .get("PAGE_TOKEN_KEY");
    operator.aws.calls().reset();

    client.secrets().inNamespace("default").withName("keyed-page-token").delete();
    await().atMost(PATIENCE).until(() -> client.secrets().inNamespace("default").withName("keyed-page-token").get() == null);
    operator.reconcileOnceMore("keyed");

    Secret restored = client.secrets().inNamespace("default").withName("keyed-page-token").get();
    assertThat(new String(Base64.getDecoder().decode(restored.getData().get("key")), StandardCharsets.UTF_8)).isEqualTo(key);
    assertThat(operator.aws.calls().count("lambda", "UpdateFunctionConfiguration")).isZero();
  }

  @Test
  void re_creating_the_resource_over_aws_state_it_owns_changes_nothing_in_aws() {
    ready("prod.yaml", "again", a -> a);
    // The resource is gone from the cluster (finalizer dropped, AWS retained), as when a cluster is lost.
    operator.edit("again", a -> {
      a.getMetadata().setFinalizers(List.of());
      return a;
    });
    client.resources(ServerlessApi.class).inNamespace("default").withName("again").delete();
    await().atMost(PATIENCE).until(() -> operator.get("again") == null);
    operator.aws.calls().reset();

    ready("prod.yaml", "again", a -> a);

    assertThat(operator.aws.calls().writes()).isZero();
    assertThat(versions("again-api-prod")).containsExactly("1");
  }

  @Test
  void an_update_in_progress_is_waited_for_never_collided_with() {
    ready("dev.yaml", "busy", a -> a);
    operator.aws.calls().reset();

    // Someone else's update is in flight when the spec changes.
    lambda().updateFunctionConfiguration(r -> r.functionName("busy-api-dev").timeout(20));
    change("busy", a -> {
      a.getSpec().getFunction().setMemorySize(1024);
      return a;
    });

    FunctionConfiguration latest = lambda().getFunction(r -> r.functionName("busy-api-dev")).configuration();
    assertThat(latest.memorySize()).isEqualTo(1024);
    assertThat(latest.timeout()).isEqualTo(10);
    // The other update and exactly one of the operator's: none was sent while Lambda was busy (a conflict).
    assertThat(operator.aws.calls().count("lambda", "UpdateFunctionConfiguration")).isEqualTo(2);
  }

  @Test
  void a_failed_update_shows_lambdas_reason_in_status() {
    ready("dev.yaml", "broken", a -> a);
    lambda().state().failNextUpdate("broken-api-dev", "The role defined for the function cannot be assumed by Lambda.");

    operator.edit("broken", a -> {
      a.getSpec().getFunction().setMemorySize(1024);
      return a;
    });

    ServerlessApi failed = operator.awaitCondition("broken", Conditions.TERMINAL, Conditions.TRUE);
    assertThat(failed.getStatus().getFunction().getLastUpdateStatus()).isEqualTo("Failed");
    assertThat(OperatorHarness.condition(failed, Conditions.TERMINAL).orElseThrow().getMessage())
        .contains("The role defined for the function cannot be assumed by Lambda.", "change spec.function");
    assertThat(OperatorHarness.condition(failed, Conditions.READY).orElseThrow().getStatus()).isEqualTo(Conditions.FALSE);
    operator.reconcileOnceMore("broken");
    assertThat(operator.aws.calls().count("lambda", "UpdateFunctionConfiguration")).as("the abandoned update, not repeated")
        .isEqualTo(1);
    assertThat(operator.aws.calls().count("lambda", "PublishVersion")).as("nothing published from a failed update")
        .isEqualTo(1);

    operator.edit("broken", a -> {
      a.getSpec().getFunction().setMemorySize(768);
      return a;
    });
    operator.awaitCondition("broken", Conditions.READY, Conditions.TRUE);
    assertThat(lambda().getFunctionConfiguration(r -> r.functionName("broken-api-dev")).memorySize()).isEqualTo(768);
  }
}
