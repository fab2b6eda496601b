package dev.tap.operator.cli.plugin;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kubectl tap status NAME [-w]}: the rollout as status tells it, once or at every change. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Shows a ServerlessApi's rollout: the versions served, the step and the next step's time.",
        "Each alarm is shown with its state; with -w, again at every change until Ctrl-C."})
final class StatusCommand extends ResourceCommand {

  private static final Duration POLL = Duration.ofSeconds(1);

  @Option(names = {"-w", "--watch"}, description = "Print again at every change of the resource (looked at each second).")
  boolean watch;

  private final Clock clock = Clock.systemUTC();

  @Override
  int run(Resource<ServerlessApi> resource, ServerlessApi api, PrintWriter out) throws InterruptedException {
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
        return 0;
      }
      if (!now.getMetadata().getResourceVersion().equals(seen)) {
        seen = now.getMetadata().getResourceVersion();
        out.println();
        print(out, now);
      }
    }
  }

  private void print(PrintWriter out, ServerlessApi api) {
    RolloutView.lines(api, clock.instant()).forEach(out::println);
    out.flush();
  }
}
