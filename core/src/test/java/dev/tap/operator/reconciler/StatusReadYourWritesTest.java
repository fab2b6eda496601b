package dev.tap.operator.reconciler;

import static dev.tap.operator.OperatorHarness.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.LaggingWatchDispatcher;
import dev.tap.operator.OperatorHarness;
import dev.tap.operator.StatusHistory;
import dev.tap.operator.api.v1alpha1.DeletionPolicy;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Status is written read-your-writes: with the informer's cache lagging behind the API server, the
 * next reconcile still reads the operator's own last write, and a write based on an older copy is
 * refused and made again on a newer one. Every state the server stores has each condition type once,
 * and status never goes backwards.
 */
class StatusReadYourWritesTest {

  private final LaggingWatchDispatcher dispatcher = new LaggingWatchDispatcher(Duration.ofMillis(300));
  private final KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(),
      new HashMap<>(), dispatcher, false);
  private KubernetesClient client;

  @BeforeEach
  void startServer() {
    server.init();
    client = server.createClient();
    OperatorHarness.installCrd(client);
  }

  @AfterEach
  void stopServer() {
    client.close();
    server.destroy();
  }

  @Test
  void with_a_lagging_watch_no_condition_type_appears_twice_and_no_status_goes_backwards() {
    try (OperatorHarness operator = OperatorHarness.start(client)) {
      operator.create(sample("prod.yaml", "lagging", api -> {
        api.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
        api.getSpec().getTable().setDeletionProtection(false);
        return api;
      }));
      operator.awaitCondition("lagging", Conditions.READY, Conditions.TRUE);
      operator.edit("lagging", api -> {
        api.getSpec().getFunction().setMemorySize(1024);
        return api;
      });
      await().atMost(OperatorHarness.PATIENCE)
          .until(() -> "1→2 (10%)".equals(operator.get("lagging").getStatus().getFunction().getServing()));
      operator.clock.jump(Duration.ofMinutes(5));
      operator.awaitCondition("lagging", Conditions.READY, Conditions.TRUE);
    }

    List<ServerlessApi> states = dispatcher.storedServerlessApis().stream()
        .filter(api -> "lagging".equals(api.getMetadata().getName()) && api.getStatus() != null).toList();
    assertThat(states).hasSizeGreaterThan(5);
    StatusHistory.assertEachConditionOnceAndNeverBackwards(states);
  }
}
