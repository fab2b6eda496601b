package dev.tap.operator.cli.plugin;

import dev.tap.operator.api.v1alpha1.RolloutHistoryEntry;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubectl tap history NAME}: the alias's last rollouts, from status.rolloutHistory. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Lists the last rollouts: each version, when it reached which share, how it ended and why.")
final class HistoryCommand implements Callable<Integer> {

  @Parameters(arity = "1", paramLabel = "NAME", description = "The ServerlessApi's name.")
  String name;

  @Mixin
  ClusterOptions cluster;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (KubernetesClient client = cluster.client()) {
      String namespace = cluster.namespace(client);
      ServerlessApi api = client.resources(ServerlessApi.class).inNamespace(namespace).withName(name).get();
      if (api == null) {
        spec.commandLine().getErr().println("kubectl tap history: no ServerlessApi " + namespace + "/" + name);
        return 1;
      }
      List<RolloutHistoryEntry> history = api.getStatus() == null || api.getStatus().getRolloutHistory() == null
          ? List.of() : api.getStatus().getRolloutHistory();
      if (history.isEmpty()) {
        out.println(namespace + "/" + name + ": no rollout yet");
      }
      for (RolloutHistoryEntry entry : history) {
        out.println("version " + entry.getVersion() + " over " + entry.getFrom() + ": " + entry.getResult()
            + (entry.getEndedAt() == null ? "" : " at " + entry.getEndedAt())
            + (entry.getReason() == null ? "" : " (" + entry.getReason() + ")"));
        out.println("  started " + entry.getStartedAt() + (entry.getSteps().isEmpty() ? ""
            : "; " + String.join(", ", entry.getSteps())));
      }
      out.flush();
      return 0;
    } catch (KubernetesClientException e) {
      spec.commandLine().getErr().println("kubectl tap history: " + e.getMessage());
      return 1;
    }
  }
}
