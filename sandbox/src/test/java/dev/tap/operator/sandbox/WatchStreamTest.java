package dev.tap.operator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tap.operator.OperatorHarness;
import dev.tap.operator.OperatorTest;
import dev.tap.operator.Samples;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@OperatorTest
class WatchStreamTest {

  static KubernetesClient client;

  @Test
  void a_deletion_reaches_a_watch_opened_at_the_version_the_client_listed() throws Exception {
    var resources = client.genericKubernetesResources(ServerlessApi.API_VERSION, ServerlessApi.KIND).inNamespace("dev");
    GenericKubernetesResource stored = resources.resource(new ObjectMapper().convertValue(
        Samples.load("dev.yaml"), GenericKubernetesResource.class)).create();
    long listed = Long.parseLong(stored.getMetadata().getResourceVersion());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    CompletableFuture<Void> watch = CompletableFuture.runAsync(() -> {
      try {
        new WatchStream(client).stream("dev", "tap", listed, Duration.ofSeconds(10), out, object -> object);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    // Deleted with no change in between: the store's DELETED event carries exactly the listed version.
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      resources.withName("tap").delete();
      assertThat(resources.withName("tap").get()).isNull();
    });

    await().atMost(Duration.ofSeconds(10)).until(() -> out.toString(StandardCharsets.UTF_8).contains("\"type\":\"DELETED\""));
    watch.cancel(true);
  }

  @Test
  void a_deletion_before_the_watch_opens_is_replayed_to_a_client_that_listed_the_object() throws Exception {
    WatchStream watches = new WatchStream(client);
    var resources = client.genericKubernetesResources(ServerlessApi.API_VERSION, ServerlessApi.KIND).inNamespace("staging");
    GenericKubernetesResource stored = resources.resource(new ObjectMapper().convertValue(
        Samples.load("staging.yaml"), GenericKubernetesResource.class)).create();
    long listed = Long.parseLong(stored.getMetadata().getResourceVersion());
    resources.withName("tap").delete();
    await().atMost(Duration.ofSeconds(10)).until(() -> resources.withName("tap").get() == null);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      watches.stream("staging", "tap", listed, Duration.ofSeconds(1), out, object -> object);
      assertThat(out.toString(StandardCharsets.UTF_8)).containsOnlyOnce("\"type\":\"DELETED\"");
    });
  }

  @Test
  void a_finalized_object_removed_between_the_clients_list_and_its_watch_is_reported_deleted() throws Exception {
    WatchStream watches = new WatchStream(client);
    var resources = client.genericKubernetesResources(ServerlessApi.API_VERSION, ServerlessApi.KIND).inNamespace("prod");
    GenericKubernetesResource resource = new ObjectMapper().convertValue(Samples.load("prod.yaml"), GenericKubernetesResource.class);
    resource.getMetadata().setFinalizers(List.of("serverless.tap.dev/finalizer"));
    resources.resource(resource).create();
    resources.withName("tap").delete();
    // kubectl delete --wait lists after its DELETE: the list's version is the store's, past the object's.
    long listed = Long.parseLong(resources.list().getMetadata().getResourceVersion());
    resources.withName("tap").edit(r -> {
      r.getMetadata().setFinalizers(List.of());
      return r;
    });

    // At once, as kubectl does: the stream must not depend on how soon the store's events arrive.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    watches.stream("prod", "tap", listed, Duration.ofSeconds(2), out, object -> object);
    assertThat(out.toString(StandardCharsets.UTF_8)).containsOnlyOnce("\"type\":\"DELETED\"");
  }

  @Test
  void a_deletion_the_store_watch_missed_is_sent_when_its_tombstone_arrives_late() throws Exception {
    var resources = client.genericKubernetesResources(ServerlessApi.API_VERSION, ServerlessApi.KIND).inNamespace("late");
    GenericKubernetesResource resource = new ObjectMapper().convertValue(Samples.load("dev.yaml"), GenericKubernetesResource.class);
    resource.getMetadata().setNamespace("late");
    GenericKubernetesResource stored = resources.resource(resource).create();
    long listed = Long.parseLong(stored.getMetadata().getResourceVersion());
    resources.withName("tap").delete();
    // Deleted before the watch opens (so the store's watch never sends it); the tombstone shows up
    // only on the second look, as when the deletion watch's event is still on its way.
    AtomicInteger looks = new AtomicInteger();
    JsonNode tombstone = new ObjectMapper().valueToTree(stored);
    WatchStream watches = new WatchStream(client, key -> looks.incrementAndGet() > 1 ? tombstone : null);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    watches.stream("late", "tap", listed, Duration.ofSeconds(2), out, object -> object);

    assertThat(out.toString(StandardCharsets.UTF_8)).containsOnlyOnce("\"type\":\"DELETED\"");
    assertThat(looks).as("no more looks once sent").hasValueLessThan(4);
  }

  @Test
  void a_deletion_after_other_objects_moved_the_stores_version_on_is_still_news_to_the_client() throws Exception {
    WatchStream watches = new WatchStream(client);
    var resources = client.genericKubernetesResources(ServerlessApi.API_VERSION, ServerlessApi.KIND).inNamespace("events");
    GenericKubernetesResource resource = new ObjectMapper().convertValue(Samples.load("dev.yaml"), GenericKubernetesResource.class);
    resource.getMetadata().setNamespace("events");
    resource.getMetadata().setFinalizers(List.of("serverless.tap.dev/finalizer"));
    resources.resource(resource).create();
    resources.withName("tap").delete();
    // The operator records Events while it cleans up: the store's version moves past the object's.
    for (int i = 0; i < 3; i++) {
      client.configMaps().inNamespace("events").resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
          .withNewMetadata().withName("event" + i).endMetadata().build()).create();
    }
    long listed = Long.parseLong(resources.list().getMetadata().getResourceVersion());
    resources.withName("tap").edit(r -> {
      r.getMetadata().setFinalizers(List.of());
      return r;
    });

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    watches.stream("events", "tap", listed, Duration.ofSeconds(2), out, object -> object);

    assertThat(out.toString(StandardCharsets.UTF_8)).containsOnlyOnce("\"type\":\"DELETED\"");
  }
}
