package dev.tap.operator.reconciler;

import static dev.tap.operator.OperatorHarness.PATIENCE;
import static dev.tap.operator.OperatorHarness.REGION;
import static dev.tap.operator.OperatorHarness.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.OperatorTest;
import dev.tap.operator.api.v1alpha1.KeyAttribute;
import dev.tap.operator.api.v1alpha1.KeyType;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** What names and places the AWS resources cannot change once created: the operator refuses, touching nothing. */
@OperatorTest
class ImmutableIdentityTest {

  static KubernetesClient client;
  private OperatorHarness operator;

  private ServerlessApi refused(String name, UnaryOperator<ServerlessApi> change) {
    operator.create(sample("dev.yaml", name, api -> api));
    operator.awaitCondition(name, Conditions.READY, Conditions.TRUE);
    operator.aws.calls().reset();
    operator.edit(name, change);
    return operator.awaitCondition(name, Conditions.TERMINAL, Conditions.TRUE);
  }

  private static String terminalMessage(ServerlessApi api) {
    var terminal = OperatorHarness.condition(api, Conditions.TERMINAL).orElseThrow();
    assertThat(terminal.getReason()).isEqualTo("ImmutableFieldChanged");
    return terminal.getMessage();
  }

  @Test
  void a_new_environment_is_refused_naming_the_old_one_and_nothing_is_created_or_left_behind() {
    ServerlessApi terminal = refused("moved", api -> {
      api.getSpec().setEnvironment("qa");
      return api;
    });

    assertThat(terminalMessage(terminal)).contains("spec.environment cannot change from 'dev' to 'qa'", "moved-items-dev");
    assertThat(operator.aws.calls().total()).isZero();
    assertThat(operator.aws.dynamoDb(REGION).peekTableNames()).containsExactly("moved-items-dev");

    // Deleting the resource now deletes what exists (dev's policy is Delete), not what the spec names.
    client.resources(ServerlessApi.class).inNamespace(OperatorHarness.NAMESPACE).withName("moved").delete();
    await().atMost(PATIENCE).until(() -> operator.get("moved") == null);
    await().atMost(PATIENCE).until(() -> operator.aws.dynamoDb(REGION).peekTableNames().isEmpty());
  }

  @Test
  void setting_the_environment_back_converges_again() {
    refused("back", api -> {
      api.getSpec().setEnvironment("qa");
      return api;
    });

    operator.edit("back", api -> {
      api.getSpec().setEnvironment("dev");
      return api;
    });

    operator.awaitCondition("back", Conditions.READY, Conditions.TRUE);
    assertThat(operator.aws.dynamoDb(REGION).peekTableNames()).containsExactly("back-items-dev");
  }

  @Test
  void a_new_partition_key_is_refused() {
    ServerlessApi terminal = refused("rekeyed", api -> {
      KeyAttribute key = new KeyAttribute();
      key.setName("pk");
      key.setType(KeyType.S);
      api.getSpec().getTable().setPartitionKey(key);
      return api;
    });

    assertThat(terminalMessage(terminal)).contains("spec.table.partitionKey cannot change from id (S) to pk (S)");
    assertThat(operator.aws.calls().writes()).isZero();
  }

  @Test
  void a_new_region_from_the_annotation_is_refused_even_though_no_crd_rule_sees_it() {
    ServerlessApi terminal = refused("relocated", api -> {
      api.getSpec().setRegion(null);
      api.getMetadata().setAnnotations(Map.of("services.k8s.aws/region", "eu-west-1"));
      return api;
    });

    assertThat(terminalMessage(terminal)).contains("the region cannot change from 'us-east-1' to 'eu-west-1'");
    assertThat(operator.aws.calls().total()).isZero();
  }

  @Test
  void the_identity_is_in_status_before_anything_is_created() throws Exception {
    operator.crashAfterStatusWrites(1);
    operator.create(sample("dev.yaml", "recorded", api -> api));
    operator.awaitCrashAndRestart();

    assertThat(operator.aws.calls().count("dynamodb", "CreateTable")).isZero();
    var identity = operator.get("recorded").getStatus().getIdentity();
    assertThat(identity.getEnvironment()).isEqualTo("dev");
    assertThat(identity.getTableName()).isEqualTo("recorded-items-dev");
    assertThat(identity.getPartitionKey()).isEqualTo("id (S)");
    assertThat(operator.get("recorded").getStatus().getAckResourceMetadata().getRegion()).isEqualTo(REGION);
    operator.awaitCondition("recorded", Conditions.READY, Conditions.TRUE);
  }
}
