package dev.tap.operator.cli;

import dev.tap.operator.sandbox.BenchFigures;
import dev.tap.operator.sandbox.QuotaBenchmark;
import dev.tap.operator.sandbox.RealApiServer;
import dev.tap.operator.sandbox.Sandbox;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The quota benchmark: many resources at once against the simulated AWS enforcing every documented quota. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Creates N copies of FILE at once against the simulated AWS's documented quotas.",
        "The simulated AWS refuses any call over a quota.",
        "Prints how much of the slowest quota was used while resources waited for it, how long until all are Ready"
            + " against the time that quota allows, the calls AWS refused, the calls per resource against creating"
            + " one alone, the reads per resource-hour at rest over two resyncs, and the operator's heap.",
        "Exits 0 when all are Ready with none refused."})
final class BenchCommand implements Callable<Integer> {

  /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
  private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  @Parameters(arity = "1", paramLabel = "FILE", description = "The ServerlessApi to copy, such as samples/prod.yaml.")
  Path file;

  @Option(names = "--resources", defaultValue = "50", paramLabel = "N",
      description = "How many copies (default ${DEFAULT-VALUE}).")
  int resources;

  @Option(names = "--speed", defaultValue = "20", paramLabel = "TIMES",
      description = "How many times faster the clock runs than real time (default ${DEFAULT-VALUE}).")
  int speed;

  @Option(names = "--operators", defaultValue = "1", paramLabel = "N",
      description = {"How many operators share the account, each serving its own namespace with a 1/N quota share"
          + " (default ${DEFAULT-VALUE})."})
  int operators;

  @Option(names = "--api-server", paramLabel = "real|embedded", converter = SandboxCommand.ApiServerConverter.class,
      description = {"The Kubernetes API server: 'real' (kube-apiserver and etcd, built by test-support/kube-binaries.sh)"
          + " or 'embedded' (emulated in this process: its store slows down past a few hundred resources).",
          "Default: real when its binaries are there."})
  Sandbox.ApiServer apiServer;

  @Option(names = "--at-rest", defaultValue = "2", paramLabel = "RESYNCS",
      description = "Resync intervals to count the reads of the converged resources over, then measure the heap;"
          + " 0: neither (default ${DEFAULT-VALUE}).")
  int restResyncs;

  @Option(names = "--json", description = "Print the figures as one JSON object.")
  boolean json;

  @Option(names = "--timeout", defaultValue = "600", paramLabel = "SECONDS",
      description = "Wall seconds to wait (default ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Spec
  CommandSpec spec;

  private Sandbox.ApiServer apiServer() {
    boolean available = RealApiServer.binaries().isPresent();
    if (apiServer == Sandbox.ApiServer.REAL && !available) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--api-server real needs kube-apiserver, etcd"
          + " and kubectl under " + RealApiServer.binariesRoot().resolve("k8s") + ": run test-support/kube-binaries.sh");
    }
    return apiServer != null ? apiServer : available ? Sandbox.ApiServer.REAL : Sandbox.ApiServer.EMBEDDED;
  }

  @Override
  public Integer call() throws Exception {
    MOCK_SERVER_LOG.setLevel(Level.OFF);
    BenchFigures figures = new QuotaBenchmark(new QuotaBenchmark.Setup(file, resources, operators, speed,
        Duration.ofSeconds(timeoutSeconds), apiServer(), restResyncs)).run();
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? figures.json() + System.lineSeparator() : figures.text(file.toString()));
    out.flush();
    return figures.ready() == figures.resources() && figures.refusedCalls() == 0 ? 0 : 1;
  }
}
