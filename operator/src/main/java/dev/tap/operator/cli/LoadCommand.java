package dev.tap.operator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tap.operator.sandbox.load.LoadReport;
import dev.tap.operator.sandbox.load.LoadRun;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** A steady load on a stage of the items API, and what it saw. */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = {"Sends a steady rate of the items API's calls to a stage's URL.",
        "The calls create, read, replace, list and delete items the run creates.",
        "Prints the requests, failures by cause, latency percentiles and requests per version."})
final class LoadCommand implements Callable<Integer> {

  @Parameters(arity = "1", paramLabel = "URL", description = "The stage's URL; its items are at URL/items.")
  URI url;

  @Option(names = "--rps", defaultValue = "10", paramLabel = "R", description = "Requests a second (default ${DEFAULT-VALUE}).")
  int rps;

  @Option(names = "--duration", defaultValue = "30s", paramLabel = "D",
      description = "How long, such as 30s or 2m (default ${DEFAULT-VALUE}).")
  String duration;

  @Option(names = "--json", description = "Print the figures as one JSON object.")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Duration length = Durations.parse(spec.commandLine(), "--duration", duration);
    if (rps < 1 || length.isZero() || length.isNegative()) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--rps must be at least 1 and --duration positive");
    }
    LoadReport.Summary summary = new LoadRun(url).run(rps, length);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().writeValueAsString(summary));
    } else {
      out.println(summary.requests() + " requests, " + summary.failed() + " failed" + causes(summary.failedByCause()));
      out.println("latency ms: p50 " + summary.latencyMs().get("p50") + ", p99 " + summary.latencyMs().get("p99")
          + ", max " + summary.latencyMs().get("max"));
      out.println("served by version: " + summary.byVersion().entrySet().stream()
          .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
    }
    out.flush();
    return summary.requests() > 0 && summary.failed() == summary.requests() ? 1 : 0;
  }

  private static String causes(Map<String, Long> causes) {
    return causes.isEmpty() ? "" : " (" + causes.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
        .collect(Collectors.joining(", ")) + ")";
  }
}
