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
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Deleting a ServerlessApi: dependency order, deletion protection first, waiting for AWS, Retain. */
@OperatorTest
class DeletionTest {

  static KubernetesClient client;
  private OperatorHarness operator;

  private void delete(String name) {
    client.resources(ServerlessApi.class).inNamespace("default").withName(name).delete();
  }

  private long statusWrites(String name) {
    return operator.kubernetesRequests.requests().stream()
        .filter(r -> r.writes() && r.path().endsWith("/" + name + "/status")).count();
  }

  private boolean nothingLeftIn(String region) {
    return operator.aws.dynamoDb(region).peekTableNames().isEmpty()
        && operator.aws.autoScaling(region).peekTargets().isEmpty()
        && operator.aws.lambda(region).state().peekFunctionNames().isEmpty()
        && operator.aws.cloudWatch(region).state().peekAlarms().isEmpty()
        && operator.aws.apiGateway(region).state().peekIds().isEmpty();
  }

  /**
   * Found by random lives: deleted while its status was lost (a restore without it), the resource was
   * taken for one never created, and its finalizer went with everything left in AWS.
   */
  @Test
  void policy_delete_with_the_status_lost_still_deletes_what_aws_holds() {
    operator.create(sample("staging.yaml", "amnesic", api -> api));
    operator.awaitCondition("amnesic", Conditions.READY, Conditions.TRUE);

    operator.whileStopped(() -> {
      operator.loseStatus("amnesic");
      delete("amnesic");
    });

    await().atMost(PATIENCE).until(() -> operator.get("amnesic") == null);
    assertThat(nothingLeftIn(REGION)).isTrue();
  }

  @Test
  void policy_delete_removes_everything_in_dependency_order_and_the_finalizer_last() {
    operator.create(sample("staging.yaml", "gone", api -> api));
    operator.awaitCondition("gone", Conditions.READY, Conditions.TRUE);
    operator.aws.calls().reset();
    List<String> reasonsSeen = new CopyOnWriteArrayList<>();
    long statusWritesBefore = statusWrites("gone");

    delete("gone");
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).until(() -> {
      ServerlessApi api = operator.get("gone");
      OperatorHarness.condition(api, Conditions.PROGRESSING).map(Condition::getMessage).ifPresent(reasonsSeen::add);
      return api == null;
    });

    assertThat(nothingLeftIn(REGION)).isTrue();
    assertThat(reasonsSeen).as("the finalizer stays while the table is deleted").contains("deleting: waiting for DynamoDB to delete table gone-items-staging");
    List<String> writes = operator.aws.calls().writesInOrder();
    assertThat(writes).containsExactlyInAnyOrder("monitoring:DeleteAlarms", "apigateway:DeleteRestApi",
        "lambda:DeleteFunction", "application-autoscaling:DeregisterScalableTarget",
        "application-autoscaling:DeregisterScalableTarget", "dynamodb:DeleteTable");
    assertThat(writes.indexOf("lambda:DeleteFunction")).as("the API and its permission's function after the API")
        .isGreaterThan(writes.indexOf("apigateway:DeleteRestApi"));
    assertThat(writes.get(writes.size() - 1)).isEqualTo("dynamodb:DeleteTable");
    assertThat(statusWrites("gone") - statusWritesBefore).as("the deletion's progress written once, not once per look")
        .isEqualTo(1);
  }

  @Test
  void a_protected_table_stops_the_whole_deletion_until_the_spec_turns_protection_off() {
    operator.create(sample("prod.yaml", "guarded", api -> {
      api.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
      return api;
    }));
    operator.awaitCondition("guarded", Conditions.READY, Conditions.TRUE);
    operator.aws.calls().reset();

    delete("guarded");
    await().atMost(PATIENCE).until(() -> operator.has("guarded", Conditions.TERMINAL, Conditions.TRUE));

    Condition terminal = OperatorHarness.condition(operator.get("guarded"), Conditions.TERMINAL).orElseThrow();
    assertThat(terminal.getReason()).isEqualTo("DeletionProtected");
    assertThat(terminal.getMessage()).contains("table guarded-items-prod has deletion protection on, so nothing was"
        + " deleted", "spec.table.deletionProtection: false");
    assertThat(operator.aws.calls().writes()).as("nothing at all deleted").isZero();
    assertThat(operator.aws.lambda(REGION).state().peekFunctionNames()).containsExactly("guarded-api-prod");
    assertThat(operator.aws.apiGateway(REGION).state().peekIds()).hasSize(1);

    operator.edit("guarded", api -> {
      api.getSpec().getTable().setDeletionProtection(false);
      return api;
    });
    await().atMost(PATIENCE).until(() -> operator.get("guarded") == null);
    assertThat(nothingLeftIn(REGION)).isTrue();
    assertThat(operator.aws.calls().writesInOrder()).contains("dynamodb:UpdateTable", "dynamodb:DeleteTable");
  }

  @Test
  void retain_the_default_for_prod_leaves_aws_untouched_and_lets_the_resource_go() {
    operator.create(sample("prod.yaml", "kept", api -> {
      api.getSpec().setDeletionPolicy(null);
      return api;
    }));
    operator.awaitCondition("kept", Conditions.READY, Conditions.TRUE);
    operator.aws.calls().reset();

    delete("kept");
    await().atMost(PATIENCE).until(() -> operator.get("kept") == null);

    assertThat(operator.aws.calls().total()).isZero();
    assertThat(operator.aws.dynamoDb(REGION).peekTableNames()).containsExactly("kept-items-prod");
    assertThat(operator.aws.lambda(REGION).state().peekFunctionNames()).containsExactly("kept-api-prod");
  }

  @Test
  void the_deletion_policy_annotation_asks_for_delete_when_the_spec_says_nothing() {
    operator.create(sample("prod.yaml", "annotated", api -> {
      api.getSpec().setDeletionPolicy(null);
      api.getSpec().getTable().setDeletionProtection(false);
      api.getMetadata().setAnnotations(Map.of("services.k8s.aws/deletion-policy", "delete"));
      return api;
    }));
    operator.awaitCondition("annotated", Conditions.READY, Conditions.TRUE);

    delete("annotated");
    await().atMost(PATIENCE).until(() -> operator.get("annotated") == null);

    assertThat(nothingLeftIn(REGION)).isTrue();
  }
}
