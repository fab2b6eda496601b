package dev.tap.operator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tap.operator.OperatorHarness;
import dev.tap.operator.Samples;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class WatchStreamTest {

  static KubernetesClient client;

  @BeforeAll
  static void installCrd() {
    OperatorHarness.installCrd(client);
  }

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
}
