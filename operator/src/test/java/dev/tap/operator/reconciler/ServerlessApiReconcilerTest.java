package dev.tap.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.Samples;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class ServerlessApiReconcilerTest {

  static KubernetesClient client;

  private OperatorHarness operator;

  @BeforeAll
  static void installCrd() {
    OperatorHarness.installCrd(client);
  }

  @BeforeEach
  void startOperator() {
    operator = OperatorHarness.start(client);
  }

  @AfterEach
  void stopOperator() {
    operator.close();
  }

  private static ServerlessApi sample(String name, String field, String value) {
    var document = Samples.with(Samples.load("dev.yaml"), "metadata.namespace", "default");
    document = Samples.with(document, "metadata.name", name);
    if (field != null) {
      document = Samples.with(document, field, value);
    }
    return Serialization.jsonMapper().convertValue(document, ServerlessApi.class);
  }

  private static ServerlessApi current(String name) {
    return client.resources(ServerlessApi.class).inNamespace("default").withName(name).get();
  }

  private static Optional<Condition> condition(ServerlessApi api, String type) {
    return api.getStatus() == null ? Optional.empty()
        : api.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  @Test
  void a_valid_resource_gets_a_finalizer_becomes_ready_and_keeps_its_spec() {
    ServerlessApi created = client.resource(sample("valid", null, null)).create();

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      ServerlessApi api = current("valid");
      assertThat(api.getStatus()).isNotNull();
      assertThat(api.getStatus().getObservedGeneration()).isEqualTo(api.getMetadata().getGeneration());
    });
    ServerlessApi api = current("valid");
    assertThat(api.getMetadata().getFinalizers()).hasSize(1);
    api = operator.awaitCondition("valid", Conditions.READY, Conditions.TRUE);
    assertThat(condition(api, Conditions.RESOURCE_SYNCED)).get().returns(Conditions.TRUE, Condition::getStatus);
    assertThat(condition(api, Conditions.TERMINAL)).isEmpty();
    assertThat(Serialization.asJson(api.getSpec())).isEqualTo(Serialization.asJson(created.getSpec()));
  }

  @Test
  void an_invalid_spec_is_terminal_with_the_field_in_the_message_until_it_is_fixed() {
    client.resource(sample("invalid", "spec.table.readCapacity", "0")).create();

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(condition(current("invalid"), Conditions.TERMINAL)).get()
            .returns(Conditions.TRUE, Condition::getStatus)
            .satisfies(c -> assertThat(c.getMessage()).contains("spec.table.readCapacity")));
    assertThat(condition(current("invalid"), Conditions.RESOURCE_SYNCED)).get().returns(Conditions.FALSE, Condition::getStatus);

    client.resources(ServerlessApi.class).inNamespace("default").withName("invalid")
        .edit(api -> {
          api.getSpec().getTable().setReadCapacity(1L);
          return api;
        });

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      ServerlessApi api = current("invalid");
      assertThat(condition(api, Conditions.TERMINAL)).isEmpty();
      assertThat(api.getStatus().getObservedGeneration()).isEqualTo(2L);
    });
  }

  @Test
  void deleting_a_resource_completes() {
    client.resource(sample("doomed", null, null)).create();
    await().atMost(Duration.ofSeconds(20)).until(() -> !current("doomed").getMetadata().getFinalizers().isEmpty());

    client.resources(ServerlessApi.class).inNamespace("default").withName("doomed").delete();

    await().atMost(Duration.ofSeconds(20)).until(() -> current("doomed") == null);
  }
}
