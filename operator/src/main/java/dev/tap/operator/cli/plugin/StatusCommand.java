package dev.tap.operator.cli.plugin;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubectl tap status NAME [-w]}: the rollout as status tells it, once or at every change. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Shows a ServerlessApi's rollout: the versions served, the step and the next step's time.",
        "Each alarm is shown with its state; with -w, again at every change until Ctrl-C."})
final class StatusCommand implements Callable<Integer> {

  @Parameters(arity = "1", paramLabel = "NAME", description = "The ServerlessApi's name.")
  String name;

  @Option(names = {"-w", "--watch"}, description = "Print again at every change of the resource (looked at each second).")
  boolean watch;

  @Mixin
  ClusterOptions cluster;

  @Spec
  CommandSpec spec;

  private static final Duration POLL = Duration.ofSeconds(1);

  private final Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws Exception {
    try {
      return show();
    } catch (KubernetesClientException e) {
      spec.commandLine().getErr().println("kubectl tap status: " + (e.getStatus() != null && e.getStatus().getMessage() != null
          ? e.getStatus().getMessage() : e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause().getMessage())));
      return 1;
    }
  }

  private int show() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (KubernetesClient client = cluster.client()) {
      var resource = client.resources(ServerlessApi.class).inNamespace(cluster.namespace(client)).withName(name);
      ServerlessApi api = resource.get();
      if (api == null) {
        spec.commandLine().getErr().println("no ServerlessApi " + cluster.namespace(client) + "/" + name);
        return 1;
      }
      print(out, api);
      if (!watch) {
        return 0;
      }
      // A read a second rather than a watch: every front serves a GET (a watch's stream is not always passed on
      // whole), and what a human follows changes at most a few times a second.
      String seen = api.getMetadata().getResourceVersion();
      while (true) {
        Thread.sleep(POLL.toMillis());
        ServerlessApi now = resource.get();
        if (now == null) {
          out.println(name + " was deleted");
          out.flush();
          return 0;
        }
        if (!now.getMetadata().getResourceVersion().equals(seen)) {
          seen = now.getMetadata().getResourceVersion();
          out.println();
          print(out, now);
        }
      }
    }
  }

  private void print(PrintWriter out, ServerlessApi api) {
    RolloutView.lines(api, clock.instant()).forEach(out::println);
    out.flush();
  }
}
