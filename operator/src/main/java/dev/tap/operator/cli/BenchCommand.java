package dev.tap.operator.cli;

import dev.tap.operator.sandbox.QuotaBenchmark;
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
        "Prints how long until all are Ready, against the time the slowest quota allows,"
            + " and how many calls AWS refused.",
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

  @Option(names = "--timeout", defaultValue = "600", paramLabel = "SECONDS",
      description = "Wall seconds to wait (default ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    MOCK_SERVER_LOG.setLevel(Level.OFF);
    return new QuotaBenchmark(file, resources, speed, Duration.ofSeconds(timeoutSeconds)).run(spec.commandLine().getOut());
  }
}
