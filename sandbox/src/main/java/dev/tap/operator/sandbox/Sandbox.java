package dev.tap.operator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tap.operator.OperatorLauncher;
import dev.tap.operator.ServerlessApiController;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AdoptionPolicy;
import dev.tap.operator.aws.AwsClients;
import dev.tap.operator.aws.AwsEndpoints;
import dev.tap.operator.aws.AwsPacing;
import dev.tap.operator.aws.AwsService;
import dev.tap.operator.aws.AwsServices;
import dev.tap.operator.workflow.AwsSession;
import dev.tap.operator.aws.RegionResolver;
import dev.tap.operator.aws.RoutedAwsClients;
import dev.tap.operator.aws.SdkAwsClients;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.aws.simulated.autoscaling.DynamoDbApiCapacity;
import dev.tap.operator.events.KubernetesChangeRecorder;
import dev.tap.operator.function.KubernetesSecrets;
import dev.tap.operator.reconciler.OperatorSettings;
import dev.tap.operator.sandbox.serve.CodeArtifacts;
import dev.tap.operator.sandbox.serve.LambdaFaults;
import dev.tap.operator.sandbox.serve.ServedStages;
import dev.tap.operator.workflow.Outcomes;
import dev.tap.operator.workflow.WorkflowDependents;
import dev.tap.operator.validation.CrdSchema;
import dev.tap.operator.validation.ManifestDocuments;
import dev.tap.operator.validation.ManifestFiles;
import dev.tap.operator.validation.ServerlessApiValidator;
import dev.tap.operator.validation.Violation;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The main job on a machine without a cluster or AWS: an in-process Kubernetes API, the CRD, the
 * given resources, and the real operator against simulated AWS (or real endpoints for services
 * whose AWS_ENDPOINT_URL_* is set). Prints progress, then the resources and the AWS inventory.
 */
public final class Sandbox {

  /** Which Kubernetes API server the sandbox runs: a real kube-apiserver, or the one emulated in this process. */
  public enum ApiServer { REAL, EMBEDDED }

  /**
   * How the sandbox was asked to run. {@code code}: the jar that runs each function code's S3 key when
   * stages are served (others run the project's built handler).
   */
  public record Options(List<Path> files, Duration timeout, boolean json, boolean serve, Path kubeconfig,
      ApiServer apiServer, Map<String, Path> code, int clockSpeed) {

    public Options {
      code = Map.copyOf(code);
      if (clockSpeed < 1) {
        throw new IllegalArgumentException("the clock speed must be at least 1");
      }
    }

    public Options(List<Path> files, Duration timeout, boolean json, boolean serve, Path kubeconfig,
        ApiServer apiServer) {
      this(files, timeout, json, serve, kubeconfig, apiServer, Map.of(), 1);
    }

    /** The same options with the control plane's clock {@code speed} times faster. */
    public Options atClockSpeed(int speed) {
      return new Options(files, timeout, json, serve, kubeconfig, apiServer, code, speed);
    }
  }

  static final String DEFAULT_REGION = "us-east-1";
  /**
   * What {@link #run} returns when stopped before convergence. A process stopped by a signal exits with the JVM's
   * status for it instead, as shells report it: 130 for SIGINT, 143 for SIGTERM.
   */
  public static final int STOPPED = 130;
  private static final Duration POLL = Duration.ofMillis(50);
  /**
   * Visible but quick: AWS changes settle in 300 ms, the operator looks again every 100 ms. The production
   * sample's two settles (the table, the function's first version) and its eleven dependent steps after
   * them made most of its time to Ready at 1 s and 250 ms.
   */
  static final Duration CHANGE_DELAY = Duration.ofMillis(300);
  static final OperatorSettings SETTINGS =
      new OperatorSettings(Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofMillis(250), Duration.ofSeconds(5));

  private final Options options;
  private final PrintWriter out;
  private final Map<String, String> env;
  private final Progress progress;
  /** Faults injected into function versions through the control API; they apply to served stages. */
  private final LambdaFaults faults = new LambdaFaults();

  public Sandbox(Options options, PrintWriter out, Map<String, String> env) {
    this.options = options;
    this.out = out;
    this.env = env;
    this.progress = new Progress(out, !options.json());
  }

  /** Runs to convergence (or the timeout); with {@code --serve}, until {@code stop} counts down. Returns the exit code. */
  public int run(CountDownLatch stop) throws IOException, InterruptedException {
    List<ServerlessApi> accepted = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    read(accepted, rejected);
    rejected.forEach(out::println);
    if (accepted.isEmpty()) {
      out.println("nothing to apply: no valid ServerlessApi in " + options.files().stream().map(Path::toString)
          .collect(Collectors.joining(", ")));
      out.flush();
      return 1;
    }

    AwsEndpoints endpoints = new AwsEndpoints(env);
    // The control plane's time; request-level time (throttling, function timeouts, durations) stays real.
    Clock clock = options.clockSpeed() == 1 ? Clock.systemUTC() : new AcceleratedClock(options.clockSpeed());
    SimulatedAws simulated = new SimulatedAws(clock, CHANGE_DELAY);
    String defaultRegion = env.getOrDefault("AWS_REGION", DEFAULT_REGION);
    CrdSchema crd = CrdSchema.load();
    // Kubernetes' own times (creation, Events) are real: the API server's clock does not run faster.
    PrinterColumns printerColumns = new PrinterColumns(crd.crd(), Clock.systemUTC());
    try (SandboxKubernetes kubernetes = options.apiServer() == ApiServer.REAL ? RealKubernetes.start()
        : InProcessKubernetes.start(printerColumns, crd.crd(), new ServerlessApiValidator(crd));
        SdkAwsClients real = SdkAwsClients.fromEnvironment()) {
      KubernetesClient client = kubernetes.client();
      RoutedAwsClients aws = new RoutedAwsClients(real, AwsClients.byName(simulated::client), endpoints);
      if (aws.isReal(AwsServices.DYNAMODB)) {
        // The simulated scaler scales the tables where they are.
        simulated.scaleTablesOf(region -> new DynamoDbApiCapacity(real.client(AwsServices.DYNAMODB, region)));
      }
      progress.line(kubernetes.description() + " at " + kubernetes.url() + "; " + AwsServices.ALL.stream()
          .map(service -> service + " " + where(endpoints, service)).collect(Collectors.joining(", ")));
      kubernetes.installCrd();

      KubernetesChangeRecorder changes = new KubernetesChangeRecorder(client, Clock.systemUTC());
      changes.addListener((api, change) -> progress.line(id(api) + ": " + change));
      Set<String> expected = ConcurrentHashMap.newKeySet();
      Set<String> finished = ConcurrentHashMap.newKeySet();
      AtomicBoolean allApplied = new AtomicBoolean();
      CountDownLatch settled = new CountDownLatch(1);
      Runnable checkSettled = () -> {
        if (allApplied.get() && finished.containsAll(expected)) {
          settled.countDown();
        }
      };
      SharedIndexInformer<ServerlessApi> informer = client.resources(ServerlessApi.class).inAnyNamespace()
          .inform(new ConditionPrinter(progress, api -> {
            if (isTrue(api, "Ready") || isTrue(api, "ACK.Terminal")) {
              finished.add(id(api));
            } else {
              finished.remove(id(api));
            }
            checkSettled.run();
          }));
      // A call waiting for its turn inside its pass waits on the sandbox's clock, not 10 times longer at speed 10.
      AwsPacing pacing = new AwsPacing(AwsPacing.DOCUMENTED, AwsPacing.Share.WHOLE, clock,
          onClock -> Thread.sleep(Math.max(1, onClock.toMillis() / options.clockSpeed())));
      // Post-traffic checks reach a stage through the served sandbox's port once it serves one.
      AtomicReference<ServedStages> serving = new AtomicReference<>();
      OperatorLauncher.Options launch = OperatorLauncher.Options.of(settings(options.clockSpeed()), clock)
          .reachingStagesAt(url -> serving.get() == null ? url : serving.get().address(url));
      Operator operator = OperatorLauncher.create(client, aws, pacing, new RegionResolver(defaultRegion), changes,
          kubernetes.serverSideApply() ? launch : launch.withoutServerSideApply());
      operator.start();
      ServedStages stages = options.serve() ? serveStages(simulated, aws, endpoints, clock) : null;
      serving.set(stages);
      try {
        for (ServerlessApi api : accepted) {
          try {
            kubernetes.ensureNamespace(api.getMetadata().getNamespace());
            client.resource(api).create();
            expected.add(id(api));
            progress.line(id(api) + ": applied");
          } catch (KubernetesClientException e) {
            String line = id(api) + ": rejected by the API server: " + e.getStatus().getMessage();
            rejected.add(line);
            out.println(line);
          }
        }
        allApplied.set(true);
        checkSettled.run();
        Wait wait = await(settled, stop);
        if (wait == Wait.STOPPED) {
          out.println("stopped before every resource was ready; nothing more to report"
              + (options.serve() ? ", and no kubeconfig written" : ""));
          out.flush();
          return STOPPED;
        }
        boolean inTime = wait == Wait.SETTLED;
        Function<List<ServerlessApi>, Inventory> inventoryOf = list -> Inventory.read(
            WorkflowDependents.instances(ServerlessApiController.class), list,
            api -> new AwsSession(api, regionOf(api, defaultRegion), aws, changes, AdoptionPolicy.NONE, clock,
                new Outcomes(ServerlessApiController.DEPENDENTS), new KubernetesSecrets(client), AwsPacing.none(clock)));
        List<ServerlessApi> resources = client.resources(ServerlessApi.class).inAnyNamespace().list().getItems();
        Inventory inventory = inventoryOf.apply(resources);
        report(resources, inventory, simulated, printerColumns, stages);
        kubernetes.serveControl(new SandboxControl(simulated, defaultRegion, faults, () -> {
          List<ServerlessApi> now = client.resources(ServerlessApi.class).inAnyNamespace().list().getItems();
          return jsonReport(now, inventoryOf.apply(now), simulated, stages);
        }));
        int exit = exitCode(resources, inTime, rejected);
        if (options.serve() && stop.getCount() > 0) {
          kubernetes.writeKubeconfig(options.kubeconfig());
          out.println("Serving: kubeconfig " + options.kubeconfig().toAbsolutePath() + " (API at " + kubernetes.url()
              + ")" + (stages == null || stages.urls().isEmpty() ? "" : "; stages at " + stages.urls().stream()
                  .map(ServedStages.StageUrl::url).collect(Collectors.joining(", ")))
              + ". The operator keeps reconciling; press Ctrl-C to stop.");
          out.flush();
          try {
            stop.await();
          } finally {
            // It names a server that is about to go.
            Files.deleteIfExists(options.kubeconfig());
          }
          out.println("stopped; removed " + options.kubeconfig());
          out.flush();
        }
        return exit;
      } finally {
        informer.close();
        operator.stop();
        if (stages != null) {
          stages.close();
        }
      }
    }
  }

  /**
   * The sandbox's settings on a clock {@code speed} times faster: the same in real time, so that the
   * operator looks again as often as at speed 1 while every wait on the clock (a settle, a rollout step,
   * a quota's next token) passes {@code speed} times sooner.
   */
  static OperatorSettings settings(int speed) {
    return new OperatorSettings(SETTINGS.pollInterval().multipliedBy(speed), SETTINGS.resyncInterval().multipliedBy(speed),
        SETTINGS.retryInitial().multipliedBy(speed), SETTINGS.retryMax().multipliedBy(speed)).atClockSpeed(speed);
  }

  private enum Wait { SETTLED, TIMED_OUT, STOPPED }

  /** Until every resource is Ready or Terminal, the timeout passes, or a signal asks to stop: whichever comes first. */
  private Wait await(CountDownLatch settled, CountDownLatch stop) throws InterruptedException {
    long deadline = System.nanoTime() + options.timeout().toNanos();
    while (true) {
      if (settled.await(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
        return Wait.SETTLED;
      }
      if (stop.getCount() == 0) {
        return Wait.STOPPED;
      }
      if (System.nanoTime() > deadline) {
        return Wait.TIMED_OUT;
      }
    }
  }

  private void read(List<ServerlessApi> accepted, List<String> rejected) {
    ServerlessApiValidator validator = ServerlessApiValidator.fromGeneratedCrd();
    for (Path file : options.files()) {
      ManifestFiles.Read read = ManifestFiles.read(file);
      if (!read.ok()) {
        rejected.add(file + ": " + read.problem());
        continue;
      }
      List<ManifestDocuments.Document> documents = read.documents();
      for (ManifestDocuments.Document document : documents) {
        JsonNode content = document.content();
        String where = file + (documents.size() > 1 ? "#" + document.index() : "");
        if (!ServerlessApi.KIND.equals(content.path("kind").asText())) {
          rejected.add(where + ": skipped: not a ServerlessApi");
          continue;
        }
        if (content.path("metadata").isObject() && !content.path("metadata").has("namespace")) {
          ((ObjectNode) content.path("metadata")).put("namespace", "default");
        }
        // The API server would refuse what its CRD schema and rules refuse; so does the sandbox.
        List<Violation> violations = validator.validate(content, null);
        if (!violations.isEmpty()) {
          rejected.add(where + ": rejected: " + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
          continue;
        }
        accepted.add(Serialization.jsonMapper().convertValue(content, ServerlessApi.class));
      }
    }
  }

  /**
   * Serves each stage of the simulated API Gateway, its functions run as Lambda runs Java; only when API
   * Gateway and Lambda are both simulated, since the stages and versions served are the simulated ones.
   */
  private ServedStages serveStages(SimulatedAws simulated, RoutedAwsClients aws, AwsEndpoints endpoints, Clock clock)
      throws InterruptedException {
    if (aws.isReal(AwsServices.API_GATEWAY) || aws.isReal(AwsServices.LAMBDA)) {
      progress.line("stages are not served: API Gateway and Lambda must both be simulated for that");
      return null;
    }
    Optional<String> dynamoDb = endpoints.endpoint(AwsServices.DYNAMODB).map(URI::toString);
    return ServedStages.start(simulated, dynamoDb, CodeArtifacts.findFrom(Path.of(""), options.code()), faults, clock,
        progress::line);
  }

  private void report(List<ServerlessApi> resources, Inventory inventory, SimulatedAws simulated,
      PrinterColumns printerColumns, ServedStages stages) throws IOException {
    if (options.json()) {
      out.println(Serialization.jsonMapper().writerWithDefaultPrettyPrinter()
          .writeValueAsString(jsonReport(resources, inventory, simulated, stages)));
    } else {
      out.println();
      ResourceTable.lines(resources, printerColumns).forEach(out::println);
      out.println();
      inventory.lines().forEach(out::println);
    }
    out.flush();
  }

  /**
   * What --json prints and GET /sandbox/v1/aws answers: the resources, the AWS inventory, the simulated
   * calls, the served stages and what each function version's environments did.
   */
  private static JsonNode jsonReport(List<ServerlessApi> resources, Inventory inventory, SimulatedAws simulated,
      ServedStages stages) {
    Map<String, Object> report = new HashMap<>();
    report.put("resources", resources);
    report.put("inventory", inventory);
    report.put("simulatedAwsCalls", simulated.calls().snapshot());
    report.put("servedStages", stages == null ? List.of() : stages.urls());
    report.put("invocations", stages == null ? List.of() : stages.invocations());
    return Serialization.jsonMapper().valueToTree(report);
  }

  private int exitCode(List<ServerlessApi> resources, boolean inTime, List<String> rejected) {
    List<String> blocked = new ArrayList<>();
    for (ServerlessApi api : resources) {
      if (!isTrue(api, "Ready")) {
        var reason = ResourceTable.condition(api, "ACK.Terminal").filter(c -> "True".equals(c.getStatus()))
            .or(() -> ResourceTable.condition(api, "Ready"));
        blocked.add(id(api) + ": not ready" + reason.map(c -> ": " + c.getType() + "=" + c.getStatus() + " "
            + c.getReason() + ": " + c.getMessage()).orElse(": no status yet"));
      }
    }
    if (!inTime) {
      blocked.add(0, "timed out after " + options.timeout().toSeconds() + " s");
    }
    blocked.forEach(out::println);
    out.flush();
    return blocked.isEmpty() && rejected.isEmpty() ? 0 : 1;
  }

  private static String where(AwsEndpoints endpoints, AwsService<?> service) {
    return endpoints.endpoint(service).map(endpoint -> "at " + endpoint).orElse("simulated");
  }

  private static String regionOf(ServerlessApi api, String defaultRegion) {
    return new RegionResolver(defaultRegion).regionOf(api).orElse(defaultRegion);
  }

  static boolean isTrue(ServerlessApi api, String type) {
    return ResourceTable.condition(api, type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  static String id(ServerlessApi api) {
    return api.getMetadata().getNamespace() + "/" + api.getMetadata().getName();
  }
}
