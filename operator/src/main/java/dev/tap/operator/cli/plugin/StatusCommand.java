package dev.tap.operator.cli.plugin;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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

  @Option(names = {"-w", "--watch"}, description = "Print again at every change of the resource.")
  boolean watch;

  @Mixin
  ClusterOptions cluster;

  @Spec
  CommandSpec spec;

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
      CountDownLatch gone = new CountDownLatch(1);
      try (Watch ignored = resource.watch(new Watcher<>() {
        @Override
        public void eventReceived(Action action, ServerlessApi changed) {
          if (action == Action.DELETED) {
            out.println(name + " was deleted");
            out.flush();
            gone.countDown();
          } else {
            out.println();
            print(out, changed);
          }
        }

        @Override
        public void onClose(WatcherException cause) {
          gone.countDown();
        }
      })) {
        gone.await();
      }
      return 0;
    }
  }

  private void print(PrintWriter out, ServerlessApi api) {
    RolloutView.lines(api, clock.instant()).forEach(out::println);
    out.flush();
  }
}
