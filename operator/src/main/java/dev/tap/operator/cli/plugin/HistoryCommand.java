package dev.tap.operator.cli.plugin;

import dev.tap.operator.api.v1alpha1.RolloutHistoryEntry;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code kubectl tap history NAME}: the alias's last rollouts, from status.rolloutHistory. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Lists the last rollouts: each version, when it reached which share, how it ended and why.")
final class HistoryCommand extends ResourceCommand {

  @Override
  int run(Resource<ServerlessApi> resource, ServerlessApi api, PrintWriter out) {
    List<RolloutHistoryEntry> history = api.getStatus() == null || api.getStatus().getRolloutHistory() == null
        ? List.of() : api.getStatus().getRolloutHistory();
    if (history.isEmpty()) {
      out.println(id(api) + ": no rollout yet");
    }
    for (RolloutHistoryEntry entry : history) {
      out.println("version " + entry.getVersion() + " over " + entry.getFrom() + ": " + entry.getResult()
          + (entry.getEndedAt() == null ? "" : " at " + entry.getEndedAt())
          + (entry.getReason() == null ? "" : " (" + entry.getReason() + ")"));
      out.println("  started " + entry.getStartedAt() + (entry.getSteps().isEmpty() ? ""
          : "; " + String.join(", ", entry.getSteps())));
    }
    return 0;
  }
}
