package dev.tap.operator.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tap.operator.OperatorLauncher;
import dev.tap.operator.OperatorScope;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AwsClients;
import dev.tap.operator.aws.AwsPacing;
import dev.tap.operator.aws.RegionResolver;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.aws.simulated.autoscaling.AutoScalingState;
import dev.tap.operator.aws.simulated.dynamodb.DynamoDbState;
import dev.tap.operator.events.KubernetesChangeRecorder;
import dev.tap.operator.metrics.OperatorMetrics;
import dev.tap.operator.reconciler.OperatorSettings;
import dev.tap.operator.validation.CrdSchema;
import dev.tap.operator.validation.ServerlessApiValidator;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Many resources created at once against the simulated AWS enforcing every documented quota, with
 * the operator (or several, sharing the account) pacing itself: how much of the slowest quota was used
 * while resources waited for it, how long until all are Ready against the time that quota allows, how
 * many calls AWS refused, the calls per resource against creating one alone, then what the converged
 * resources cost at rest and the operator's heap. The clock runs {@code speed} times faster, so hours of
 * quota pass in minutes; the operators, their pacing and the simulated AWS all read it, and the
 * operators keep their production timings in clock time. Their own processing time is magnified by
 * the speed too: past the speed the machine sustains, calls the quota allowed go unused, which the
 * bottleneck's utilisation shows.
 */
public final class QuotaBenchmark {

  /** API Gateway's CreateDeployment: 1 per 5 s, the slowest quota a creation needs. */
  static final Duration SLOWEST_QUOTA_INTERVAL = Duration.ofSeconds(5);
  /** AWS changes settle in a second of the benchmark's clock, as they did when its figures were first taken. */
  static final Duration SETTLE = Duration.ofSeconds(1);
  /** How often the benchmark looks at the resources, in real time. */
  private static final Duration LOOK = Duration.ofMillis(500);

  /** What to run: {@code resources} copies of {@code sample}, split between {@code operators}; then {@code restResyncs} resyncs at rest. */
  public record Setup(Path sample, int resources, int operators, int speed, Duration timeout, Sandbox.ApiServer apiServer,
      int restResyncs) {
    public Setup {
      if (resources < 1 || operators < 1 || speed < 1 || restResyncs < 0) {
        throw new IllegalArgumentException("resources, operators and speed must be at least 1, resyncs at least 0");
      }
    }
  }

  private final Setup setup;

  public QuotaBenchmark(Setup setup) {
    this.setup = setup;
  }

  /** Creates one alone, then all of them, and measures. */
  public BenchFigures run() throws Exception {
    ServerlessApi template = template(setup.sample());
    // One alone costs the same AWS calls on either API server: the embedded one starts faster.
    Measured one = new Run(template, 1, 1, setup.speed(), Sandbox.ApiServer.EMBEDDED).converge(setup.timeout(), 0);
    Run run = new Run(template, setup.resources(), setup.operators(), setup.speed(), setup.apiServer());
    Measured all = run.converge(setup.timeout(), setup.restResyncs());
    return all.figures(setup, one.calls());
  }

  private static ServerlessApi template(Path sample) throws Exception {
    try (InputStream in = Files.newInputStream(sample)) {
      ServerlessApi api = Serialization.unmarshal(in, ServerlessApi.class);
      if (api.getMetadata().getNamespace() == null) {
        api.getMetadata().setNamespace("default");
      }
      return api;
    }
  }

  /** The figures of one run, before the one-alone creation they are compared with is known. */
  private record Measured(int resources, int ready, Duration toReady, Duration wall, long calls, String bottleneck,
      double utilization, List<String> refused, double readsPerResourceHour, Duration rest, String busiestAtRest,
      double busiestUseAtRest, Duration resync, double heapMb, Map<String, Long> limits) {

    BenchFigures figures(Setup setup, long callsToCreateOne) {
      return new BenchFigures(resources, setup.operators(), setup.speed(), ready, toReady.toMillis() / 1000.0,
          SLOWEST_QUOTA_INTERVAL.multipliedBy(resources).toSeconds(), bottleneck, round(utilization), refused.size(),
          refused.stream().collect(Collectors.groupingBy(call -> call, TreeMap::new, Collectors.counting())),
          round((double) calls / resources), callsToCreateOne, round(heapMb), round(readsPerResourceHour),
          rest.toSeconds(), busiestAtRest, round(busiestUseAtRest), resync.toSeconds(), limits, wall.toSeconds());
    }

    private static double round(double value) {
      return Math.round(value * 1000) / 1000.0;
    }
  }

  /** One simulated account and Kubernetes API, with its operators. */
  private static final class Run {
    private final ServerlessApi template;
    private final int resources;
    private final int operators;
    private final int speed;
    private final AcceleratedClock clock;
    private final SimulatedAws aws;
    private final OperatorSettings settings;
    private final Sandbox.ApiServer apiServer;

    Run(ServerlessApi template, int resources, int operators, int speed, Sandbox.ApiServer apiServer) {
      this.apiServer = apiServer;
      this.template = template;
      this.resources = resources;
      this.operators = operators;
      this.speed = speed;
      this.clock = new AcceleratedClock(speed);
      this.aws = new SimulatedAws(clock, SETTLE);
      AwsPacing.DOCUMENTED.forEach(q -> aws.rateLimits().limit(q.service(), q.operation(), q.perSecond(), q.burst()));
      this.settings = OperatorSettings.PRODUCTION.atClockSpeed(speed);
    }

    /** Until all are Ready; then, with {@code restResyncs}, that many resyncs at rest and the heap. */
    Measured converge(Duration timeout, int restResyncs) throws Exception {
      CrdSchema crd = CrdSchema.load();
      try (SandboxKubernetes kubernetes = apiServer == Sandbox.ApiServer.REAL ? RealKubernetes.start()
          : InProcessKubernetes.start(new PrinterColumns(crd.crd(), clock), crd.crd(), new ServerlessApiValidator(crd))) {
        KubernetesClient client = kubernetes.client();
        kubernetes.installCrd();
        List<AwsPacing> pacings = new ArrayList<>();
        List<OperatorMetrics> metrics = new ArrayList<>();
        List<Operator> started = new ArrayList<>();
        try {
          for (int i = 0; i < operators; i++) {
            AwsPacing pacing = new AwsPacing(AwsPacing.DOCUMENTED, new AwsPacing.Share(1.0 / operators, i), clock,
                onClock -> Thread.sleep(Math.max(1, settings.timer(onClock).toMillis())));
            OperatorMetrics measured = new OperatorMetrics();
            metrics.add(measured);
            OperatorScope scope = operators == 1 ? OperatorScope.EVERYTHING : new OperatorScope(Set.of(namespace(i)), null);
            Operator operator = OperatorLauncher.create(client, AwsClients.byName(aws::client), pacing,
                new RegionResolver(Sandbox.DEFAULT_REGION), new KubernetesChangeRecorder(client, clock),
                options(kubernetes).serving(scope).measuredBy(measured));
            operator.start();
            pacings.add(pacing);
            started.add(operator);
          }
          long wallStart = System.nanoTime();
          Duration start = clock.elapsed();
          create(kubernetes);
          int ready = awaitReady(client, timeout);
          Duration toReady = clock.elapsed().minus(start);
          Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);
          long calls = aws.calls().total();
          List<String> refused = aws.rateLimits().refused();
          Map.Entry<String, Double> bottleneck = bottleneck(pacings);
          if (restResyncs == 0) {
            return new Measured(resources, ready, toReady, wall, calls, bottleneck.getKey(), bottleneck.getValue(),
                refused, 0, Duration.ZERO, "", 0, settings.resyncInterval(), 0, Map.of());
          }
          Duration rest = metrics.get(0).resyncInterval().multipliedBy(restResyncs);
          Map<String, Long> before = aws.calls().snapshot();
          awaitClock(rest);
          Map<String, Long> atRest = difference(aws.calls().snapshot(), before);
          Map.Entry<String, Double> busiest = busiestQuota(atRest, rest);
          double readsPerResourceHour = atRest.values().stream().mapToLong(Long::longValue).sum()
              / (double) resources / (rest.toMillis() / 3_600_000.0);
          double heapMb = heapWith(started);
          started.clear();
          return new Measured(resources, ready, toReady, wall, calls, bottleneck.getKey(), bottleneck.getValue(),
              aws.rateLimits().refused(), readsPerResourceHour, rest, busiest.getKey(), busiest.getValue(),
              metrics.get(0).resyncInterval(), heapMb, limits());
        } finally {
          started.forEach(Operator::stop);
        }
      }
    }

    /** Waits until {@code span} of the clock has passed (longer in real time while reconciles hold it). */
    private void awaitClock(Duration span) throws InterruptedException {
      Duration until = clock.elapsed().plus(span);
      while (clock.elapsed().compareTo(until) < 0) {
        Thread.sleep(Math.max(1, settings.timer(until.minus(clock.elapsed())).toMillis()));
      }
    }

    /** The account limits a thousand resources come near, and how near they came. */
    private Map<String, Long> limits() {
      Map<String, Long> limits = new TreeMap<>();
      limits.put("scalableTargets", aws.scalableTargets().values().stream().mapToLong(Integer::longValue).sum());
      limits.put("scalableTargetsQuota", (long) AutoScalingState.MAX_SCALABLE_TARGETS);
      limits.put("tablesWithIndexesCreatingAtOnceQuota", (long) DynamoDbState.MAX_CREATING_WITH_INDEXES);
      return limits;
    }

    private OperatorLauncher.Options options(SandboxKubernetes kubernetes) {
      OperatorLauncher.Options options = OperatorLauncher.Options.of(settings, clock);
      return kubernetes.serverSideApply() ? options : options.withoutServerSideApply();
    }

    private void create(SandboxKubernetes kubernetes) {
      for (int i = 0; i < resources; i++) {
        ServerlessApi api = new ObjectMapper().convertValue(template, ServerlessApi.class);
        api.getMetadata().setName("bench" + i);
        if (operators > 1) {
          api.getMetadata().setNamespace(namespace(i % operators));
        }
        if (i < operators) {
          kubernetes.ensureNamespace(api.getMetadata().getNamespace());
        }
        kubernetes.client().resource(api).create();
      }
    }

    /** Counts from a watch, not a list: listing a thousand resources every look would load the API more than the operators. */
    private int awaitReady(KubernetesClient client, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      try (SharedIndexInformer<ServerlessApi> informer = client.resources(ServerlessApi.class).inAnyNamespace().inform()) {
        int ready = 0;
        while (System.nanoTime() < deadline) {
          ready = (int) informer.getStore().list().stream().filter(api -> Sandbox.isTrue(api, "Ready")).count();
          if (ready == resources) {
            break;
          }
          Thread.sleep(LOOK.toMillis());
        }
        if (ready < resources) {
          // What the ones not Ready say, so a benchmark that timed out says why.
          informer.getStore().list().stream().filter(api -> !Sandbox.isTrue(api, "Ready"))
              .map(api -> ResourceTable.condition(api, "Ready").map(c -> c.getReason() + ": " + c.getMessage())
                  .orElse("no Ready condition"))
              .collect(Collectors.groupingBy(m -> m.replaceAll("[0-9]+", "N"), TreeMap::new, Collectors.counting()))
              .forEach((message, count) -> System.err.println("not Ready: " + count + " x " + message));
        }
        return ready;
      }
    }

    /** The quota resources waited for longest, and how much of it went out meanwhile (averaged over the operators). */
    private static Map.Entry<String, Double> bottleneck(List<AwsPacing> pacings) {
      Map<String, List<AwsPacing.QuotaUse>> byQuota = pacings.stream().flatMap(p -> p.use().stream())
          .collect(Collectors.groupingBy(use -> use.quota().name()));
      return byQuota.entrySet().stream()
          .max(Comparator.comparingDouble(e -> e.getValue().stream().mapToDouble(AwsPacing.QuotaUse::waitedSeconds).sum()))
          .map(e -> Map.entry(e.getKey() + " (" + e.getValue().get(0).quota().describe() + ")",
              e.getValue().stream().mapToDouble(AwsPacing.QuotaUse::utilization).average().orElse(0)))
          .orElse(Map.entry("none waited for", 1.0));
    }

    /** The documented quota the calls at rest came closest to, and how close (1: all of it). */
    private static Map.Entry<String, Double> busiestQuota(Map<String, Long> calls, Duration over) {
      Map<String, Double> use = new TreeMap<>();
      for (AwsPacing.Quota quota : AwsPacing.DOCUMENTED) {
        long count = calls.entrySet().stream().filter(e -> covers(quota, e.getKey())).mapToLong(Map.Entry::getValue).sum();
        use.put(quota.name() + " (" + quota.describe() + ")", count / (over.toMillis() / 1000.0) / quota.perSecond());
      }
      return use.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    }

    /** Whether {@code call} (service:Operation) counts against {@code quota}. */
    private static boolean covers(AwsPacing.Quota quota, String call) {
      if (!call.startsWith(quota.service() + ":")) {
        return false;
      }
      String operation = call.substring(call.indexOf(':') + 1);
      return quota.operation().equals(operation) || quota.operation().equals("*") && AwsPacing.DOCUMENTED.stream()
          .noneMatch(q -> q.service().equals(quota.service()) && q.operation().equals(operation));
    }

    private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
      Map<String, Long> difference = new TreeMap<>();
      after.forEach((call, count) -> {
        long made = count - before.getOrDefault(call, 0L);
        if (made > 0) {
          difference.put(call, made);
        }
      });
      return difference;
    }

    /** Live heap after a full collection with the operators running, minus the same once they are stopped. */
    private static double heapWith(List<Operator> operators) {
      long running = liveHeap();
      operators.forEach(Operator::stop);
      long stopped = liveHeap();
      return Math.max(0, running - stopped) / (1024.0 * 1024.0);
    }

    private static long liveHeap() {
      System.gc();
      System.gc();
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String namespace(int operator) {
      return "bench-" + operator;
    }
  }
}
