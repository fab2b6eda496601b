package dev.tap.operator.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class KubernetesChangeRecorderTest {

  static KubernetesClient client;

  private static ServerlessApi resource() {
    return resource("noisy");
  }

  private static ServerlessApi resource(String name) {
    ServerlessApi api = OperatorHarness.sample("dev.yaml", name, a -> a);
    api.getMetadata().setUid("4b6f3c3e-0000-4000-8000-000000000001");
    return api;
  }

  private List<Event> events() {
    return events("noisy");
  }

  private List<Event> events(String name) {
    return client.v1().events().inNamespace(OperatorHarness.NAMESPACE).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName())).toList();
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

  @Test
  void a_repeat_whose_event_the_api_server_expired_is_recorded_afresh() {
    KubernetesChangeRecorder recorder = new KubernetesChangeRecorder(client, Clock.systemUTC());
    recorder.awsChange(resource("expiring"), "UpdatedStage", "stage prod: throttling 5/10 -> 50/100");
    recorder.awsChange(resource("expiring"), "UpdatedStage", "stage prod: throttling 5/10 -> 50/100");
    // As the API server does after --event-ttl.
    client.v1().events().inNamespace(OperatorHarness.NAMESPACE).resources()
        .filter(e -> "expiring".equals(e.get().getInvolvedObject().getName())).forEach(e -> e.delete());

    recorder.awsChange(resource("expiring"), "UpdatedStage", "stage prod: throttling 5/10 -> 50/100");
    recorder.awsChange(resource("expiring"), "UpdatedStage", "stage prod: throttling 5/10 -> 50/100");

    assertThat(events("expiring")).singleElement().satisfies(e -> assertThat(e.getCount()).isEqualTo(2));
  }

  @Test
  void an_event_write_that_hangs_holds_up_only_its_own_change() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Interceptor stall = new Interceptor() {
      @Override
      public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        if (request.bodyString() != null && request.bodyString().contains("StalledChange")) {
          entered.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    };
    try (KubernetesClient stalling = new KubernetesClientBuilder().withConfig(client.getConfiguration())
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("stall", stall)).build()) {
      KubernetesChangeRecorder recorder = new KubernetesChangeRecorder(stalling, Clock.systemUTC());
      Thread stalled = new Thread(() -> recorder.awsChange(resource("stalled"), "StalledChange", "an Event write that hangs"));
      stalled.start();
      assertThat(entered.await(30, TimeUnit.SECONDS)).as("the first Event write is hanging").isTrue();

      recorder.awsChange(resource("stalled"), "PublishedVersion", "function stalled-api-dev: published version 2");

      assertThat(events("stalled")).extracting(Event::getReason).contains("PublishedVersion").doesNotContain("StalledChange");
      release.countDown();
      stalled.join(30_000);
      assertThat(events("stalled")).extracting(Event::getReason).contains("StalledChange");
    }
  }
}
