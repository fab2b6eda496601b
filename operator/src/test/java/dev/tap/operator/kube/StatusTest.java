package dev.tap.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.StatusHistory;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.reconciler.ServerlessApiReconciler;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Status and finalizer writes on a real API server, with server-side apply: over a whole life every
 * state the server stores has each condition once and never goes backwards, and status has one field
 * manager, the operator's.
 */
class StatusTest {

  private final RealCluster cluster = RealCluster.get();

  @Test
  void over_a_whole_life_status_is_applied_by_one_manager_and_never_goes_backwards() {
    List<ServerlessApi> states = new CopyOnWriteArrayList<>();
    List<ManagedFieldsEntry> statusManagers = new CopyOnWriteArrayList<>();
    try (Watch watch = cluster.admin.resources(ServerlessApi.class).inNamespace(OperatorHarness.NAMESPACE)
        .withName("applied").watch(new Watcher<>() {
          @Override
          public void eventReceived(Action action, ServerlessApi api) {
            states.add(api);
          }

          @Override
          public void onClose(WatcherException cause) {
          }
        });
        OperatorHarness operator = OperatorHarness.startOnRealApiServer(cluster.admin, cluster.operatorConfig())) {
      operator.liveAWholeLife("applied", () -> statusManagers.addAll(operator.get("applied").getMetadata()
          .getManagedFields().stream().filter(f -> "status".equals(f.getSubresource())).toList()));
    }

    assertThat(states).hasSizeGreaterThan(5);
    StatusHistory.assertEachConditionOnceAndNeverBackwards(states);
    assertThat(statusManagers).singleElement().satisfies(manager -> {
      assertThat(manager.getManager()).isEqualTo(ServerlessApiReconciler.NAME);
      assertThat(manager.getOperation()).isEqualTo("Apply");
    });
  }
}
