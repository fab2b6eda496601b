package dev.tap.operator.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class KubernetesChangeRecorderTest {

  static KubernetesClient client;

  private static ServerlessApi resource() {
    ServerlessApi api = OperatorHarness.sample("dev.yaml", "noisy", a -> a);
    api.getMetadata().setUid("4b6f3c3e-0000-4000-8000-000000000001");
    return api;
  }

  private List<Event> events() {
    return client.v1().events().inNamespace(OperatorHarness.NAMESPACE).list().getItems();
  }

  @Test
  void a_repeated_change_is_counted_on_one_event_and_a_new_change_gets_its_own() {
    KubernetesChangeRecorder recorder = new KubernetesChangeRecorder(client, Clock.systemUTC());
    for (int i = 0; i < 5; i++) {
      recorder.awsChange(resource(), "UpdatedTable", "table noisy-items-dev: table capacity 1/1 -> 2/2");
    }
    recorder.awsChange(resource(), "AddedIndex", "table noisy-items-dev: adding index by-name");

    assertThat(events()).hasSize(2);
    assertThat(events()).filteredOn(e -> e.getReason().equals("UpdatedTable")).singleElement()
        .satisfies(e -> assertThat(e.getCount()).isEqualTo(5));

    // A restarted operator (a new recorder, nothing remembered) counts on the same Event.
    new KubernetesChangeRecorder(client, Clock.systemUTC())
        .awsChange(resource(), "UpdatedTable", "table noisy-items-dev: table capacity 1/1 -> 2/2");
    assertThat(events()).hasSize(2).filteredOn(e -> e.getReason().equals("UpdatedTable")).singleElement()
        .satisfies(e -> assertThat(e.getCount()).isEqualTo(6));
  }
}
