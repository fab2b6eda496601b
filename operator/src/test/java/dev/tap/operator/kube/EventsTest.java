package dev.tap.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.events.KubernetesChangeRecorder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events on a real API server, which deletes them after --event-ttl (an hour by default; seconds here). */
class EventsTest {

  private final RealCluster cluster = RealCluster.get();

  @Test
  void a_change_that_repeats_after_its_event_expired_is_recorded_afresh() {
    ServerlessApi api = cluster.admin.resource(OperatorHarness.sample("dev.yaml", "expiring", a -> a)).create();
    try (KubernetesClient operator = new KubernetesClientBuilder().withConfig(cluster.operatorConfig()).build()) {
      KubernetesChangeRecorder recorder = new KubernetesChangeRecorder(operator, Clock.systemUTC());
      recorder.awsChange(api, "UpdatedStage", "stage dev: throttling 5/10 -> 50/100");
      recorder.awsChange(api, "UpdatedStage", "stage dev: throttling 5/10 -> 50/100");
      assertThat(events()).singleElement().satisfies(e -> assertThat(e.getCount()).isEqualTo(2));

      await().atMost(Duration.ofSeconds(30)).until(() -> events().isEmpty());
      recorder.awsChange(api, "UpdatedStage", "stage dev: throttling 5/10 -> 50/100");

      assertThat(events()).singleElement().satisfies(e -> assertThat(e.getCount()).isEqualTo(1));
    } finally {
      cluster.admin.resource(api).delete();
    }
  }

  private List<Event> events() {
    return cluster.admin.v1().events().inNamespace(OperatorHarness.NAMESPACE).list().getItems().stream()
        .filter(e -> "expiring".equals(e.getInvolvedObject().getName())).toList();
  }
}
