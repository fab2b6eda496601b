package dev.tap.operator.cli;

import dev.tap.operator.sandbox.RealApiServer;
import dev.tap.operator.sandbox.Sandbox;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The operator end to end on one machine: in-process Kubernetes, simulated (or local) AWS. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
    description = {"Runs the real operator on FILEs against a Kubernetes API and simulated AWS.",
        "Prints progress, then the resources and the AWS inventory.",
        "Services whose AWS_ENDPOINT_URL_<SERVICE> (or AWS_ENDPOINT_URL) is set are used for real.",
        "Exits 0 when every resource is Ready within the timeout, else 1."})
final class SandboxCommand implements Callable<Integer> {

  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);
  private static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
  /** Beyond it a minute of alarm evaluation passes between two looks of the sandbox (a quarter second). */
  private static final int MAX_CLOCK_SPEED = 240;

  /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
  private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "ServerlessApi YAML files to apply.")
  List<Path> files;

  @Option(names = "--timeout", defaultValue = "60s", paramLabel = "DURATION",
      description = "How long to wait for every resource to be Ready, such as 60s or 2m (default ${DEFAULT-VALUE}).")
  String timeout;

  @Option(names = "--json", description = "Print the final resources and AWS inventory as JSON.")
  boolean json;

  @Option(names = "--serve", description = {"Keep running after convergence; Ctrl-C or SIGTERM stops it.",
      "Serves each stage at a local URL: its routes, throttling and alias weights, each function version"
          + " running as Lambda runs Java, its tables in dynalite."})
  boolean serve;

  @Option(names = "--code", paramLabel = "KEY=JAR",
      description = {"With --serve: the jar that runs function code with S3 key KEY (repeatable).",
          "Other keys run the project's built handler, handler/target/tap-handler.jar."})
  Map<String, Path> code = new LinkedHashMap<>();

  @Option(names = "--kubeconfig", defaultValue = "sandbox.kubeconfig", paramLabel = "PATH",
      description = "Where --serve writes a kubeconfig for the sandbox's API (default ${DEFAULT-VALUE}).")
  Path kubeconfig;

  @Option(names = "--api-server", paramLabel = "real|embedded", converter = ApiServerConverter.class,
      description = {"The Kubernetes API server: 'real' (kube-apiserver and etcd, built by test-support/kube-binaries.sh)"
          + " or 'embedded' (emulated in this process, faster to start).",
          "Default: real with --serve when its binaries are there, embedded otherwise."})
  Sandbox.ApiServer apiServer;

  @Option(names = "--clock-speed", defaultValue = "1", paramLabel = "N",
      description = {"Runs the control plane's time N times faster (default ${DEFAULT-VALUE}): AWS's settle times,"
          + " alarm periods and evaluations, rollout intervals, quotas.",
          "Requests stay in real time: throttling, function timeouts and durations."})
  int clockSpeed;

  @Option(names = "--verbose", description = "Also log what the operator and the in-process API server do (stderr).")
  boolean verbose;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Duration wait = parse(timeout);
    if (clockSpeed < 1 || clockSpeed > MAX_CLOCK_SPEED) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--clock-speed must be from 1 to "
          + MAX_CLOCK_SPEED + ", not " + clockSpeed);
    }
    if (!verbose) {
      quietLogs();
    }
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    // Ctrl-C or SIGTERM: let run() stop the operator and the API server, and say so, before the JVM goes.
    Thread hook = new Thread(() -> {
      stop.countDown();
      try {
        stopped.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "sandbox-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      Sandbox.ApiServer server = apiServer(out);
      return new Sandbox(new Sandbox.Options(files, wait, json, serve, kubeconfig, server, code, clockSpeed), out, System.getenv()).run(stop);
    } finally {
      stopped.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is what is running: nothing to remove
      }
    }
  }

  private Sandbox.ApiServer apiServer(PrintWriter out) {
    boolean available = RealApiServer.binaries().isPresent();
    if (apiServer == Sandbox.ApiServer.REAL && !available) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--api-server real needs kube-apiserver, etcd"
          + " and kubectl under " + RealApiServer.binariesRoot().resolve("k8s") + ": run test-support/kube-binaries.sh");
    }
    if (apiServer != null) {
      return apiServer;
    }
    if (serve && !available) {
      out.println("no kube-apiserver binaries under " + RealApiServer.binariesRoot().resolve("k8s")
          + " (test-support/kube-binaries.sh builds them): serving the embedded API instead");
    }
    return serve && available ? Sandbox.ApiServer.REAL : Sandbox.ApiServer.EMBEDDED;
  }

  /** {@code real} or {@code embedded}, with a clear message for anything else. */
  static final class ApiServerConverter implements picocli.CommandLine.ITypeConverter<Sandbox.ApiServer> {
    @Override
    public Sandbox.ApiServer convert(String value) {
      return switch (value.trim().toLowerCase()) {
        case "real" -> Sandbox.ApiServer.REAL;
        case "embedded" -> Sandbox.ApiServer.EMBEDDED;
        default -> throw new picocli.CommandLine.TypeConversionException(
            "--api-server must be 'real' or 'embedded', not '" + value + "'");
      };
    }
  }

  /** The progress lines tell the story; logs go to stderr only with --verbose. Must run before any logger exists. */
  private static void quietLogs() {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    // Stopping mid-reconcile (a timeout) interrupts the workflow, which JOSDK reports as an error.
    System.setProperty("org.slf4j.simpleLogger.log.io.javaoperatorsdk.operator.processing.dependent.workflow"
        + ".WorkflowReconcileExecutor", "off");
    MOCK_SERVER_LOG.setLevel(Level.WARNING);
  }

  private Duration parse(String text) {
    Duration duration = Durations.parse(spec.commandLine(), "--timeout", text);
    if (duration.compareTo(MIN_TIMEOUT) < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--timeout must be at least 1s, not '" + text + "'");
    }
    return duration;
  }
}
