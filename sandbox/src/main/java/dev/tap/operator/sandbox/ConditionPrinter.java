package dev.tap.operator.sandbox;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/** Prints a line whenever a resource's condition changes status or reason, and tells listeners of each update. */
final class ConditionPrinter implements ResourceEventHandler<ServerlessApi> {

  private final Progress progress;
  private final Consumer<ServerlessApi> onUpdate;
  private final Map<String, String> lastSeen = new HashMap<>();

  ConditionPrinter(Progress progress, Consumer<ServerlessApi> onUpdate) {
    this.progress = progress;
    this.onUpdate = onUpdate;
  }

  @Override
  public void onAdd(ServerlessApi api) {
    changed(api);
  }

  @Override
  public void onUpdate(ServerlessApi old, ServerlessApi api) {
    changed(api);
  }

  @Override
  public void onDelete(ServerlessApi api, boolean deletedFinalStateUnknown) {
    progress.line(Sandbox.id(api) + ": deleted");
  }

  private synchronized void changed(ServerlessApi api) {
    List<Condition> conditions = api.getStatus() == null || api.getStatus().getConditions() == null ? List.of()
        : api.getStatus().getConditions();
    for (Condition condition : conditions) {
      String key = Sandbox.id(api) + " " + condition.getType();
      String state = condition.getStatus() + " " + condition.getReason();
      if (!Objects.equals(lastSeen.put(key, state), state)) {
        progress.line(Sandbox.id(api) + ": " + condition.getType() + "=" + condition.getStatus() + " ("
            + condition.getReason() + ": " + condition.getMessage() + ")");
      }
    }
    onUpdate.accept(api);
  }
}
