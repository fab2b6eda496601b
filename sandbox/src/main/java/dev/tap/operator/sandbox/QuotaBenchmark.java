package dev.tap.operator.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tap.operator.OperatorLauncher;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AwsClients;
import dev.tap.operator.aws.AwsPacing;
import dev.tap.operator.aws.RegionResolver;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.events.KubernetesChangeRecorder;
import dev.tap.operator.reconciler.OperatorSettings;
import dev.tap.operator.validation.CrdSchema;
import dev.tap.operator.validation.ServerlessApiValidator;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Many resources created at once against the simulated AWS enforcing every documented quota, with
 * the operator pacing itself: how long until all are Ready, against the time the slowest quota
 * allows, and how many calls AWS refused. The clock runs {@code speed} times faster, so minutes of
 * quota pass in seconds; the operator, the pacing and the simulated AWS all read it. The operator
 * keeps its production timings in clock time (every timer {@code speed} times shorter in real time),
 * so the figures are those of a production operator, but for its own processing time, which the
 * faster clock magnifies.
 */
public final class QuotaBenchmark {

  /** API Gateway's CreateDeployment: 1 per 5 s, the slowest quota a creation needs. */
  static final Duration SLOWEST_QUOTA_INTERVAL = Duration.ofSeconds(5);
  /** AWS changes settle in a second of the benchmark's clock, as they did when its figures were first taken. */
  static final Duration SETTLE = Duration.ofSeconds(1);

  private final Path sample;
  private final int resources;
  private final int speed;
  private final Duration timeout;

  public QuotaBenchmark(Path sample, int resources, int speed, Duration timeout) {
    this.sample = sample;
    this.resources = resources;
    this.speed = speed;
    this.timeout = timeout;
  }

  /** Prints the figures; 0 when every resource became Ready with no call refused, else 1. */
  public int run(PrintWriter out) throws Exception {
    AcceleratedClock clock = new AcceleratedClock(speed);
    SimulatedAws aws = new SimulatedAws(clock, SETTLE);
    AwsPacing.DOCUMENTED.forEach(q -> aws.rateLimits().limit(q.service(), q.operation(), q.perSecond(), q.burst()));
    CrdSchema crd = CrdSchema.load();
    try (InProcessKubernetes kubernetes = InProcessKubernetes.start(new PrinterColumns(crd.crd(), clock), crd.crd(),
        new ServerlessApiValidator(crd));
        KubernetesClient client = kubernetes.client();
        InputStream definition = QuotaBenchmark.class.getResourceAsStream(CrdSchema.RESOURCE)) {
      client.apiextensions().v1().customResourceDefinitions().load(definition).create();
      OperatorSettings settings = OperatorSettings.PRODUCTION.atClockSpeed(speed);
      Operator operator = OperatorLauncher.create(client, AwsClients.byName(aws::client), AwsPacing.documented(1, clock),
          new RegionResolver(Sandbox.DEFAULT_REGION), new KubernetesChangeRecorder(client, clock),
          OperatorLauncher.Options.of(settings, clock).withoutServerSideApply());
      operator.start();
      long wallStart = System.nanoTime();
      Duration start = clock.elapsed();
      try {
        ServerlessApi template = template();
        List<String> names = IntStream.range(0, resources).mapToObj(i -> "bench" + i).toList();
        for (String name : names) {
          ServerlessApi api = new ObjectMapper().convertValue(template, ServerlessApi.class);
          api.getMetadata().setName(name);
          client.resource(api).create();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        int ready = 0;
        while (System.nanoTime() < deadline) {
          ready = (int) client.resources(ServerlessApi.class).inNamespace(template.getMetadata().getNamespace()).list()
              .getItems().stream().filter(api -> Sandbox.isTrue(api, "Ready")).count();
          if (ready == resources) {
            break;
          }
          Thread.sleep(200);
        }
        Duration awsTime = clock.elapsed().minus(start);
        Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);
        Duration bound = SLOWEST_QUOTA_INTERVAL.multipliedBy(resources);
        Map<String, Long> calls = new TreeMap<>();
        aws.calls().snapshot().forEach((call, count) -> calls.merge(call.substring(0, call.indexOf(':')), count, Long::sum));
        out.printf("resources           %d, created at once (copies of %s)%n", resources, sample);
        out.printf("ready               %d of %d%n", ready, resources);
        out.printf("time to all Ready   %d s of AWS time (%d s wall, clock x%d)%n", awsTime.toSeconds(), wall.toSeconds(),
            speed);
        out.printf("quota bound         %d s (one CreateDeployment per %d s each, API Gateway's slowest quota)%n",
            bound.toSeconds(), SLOWEST_QUOTA_INTERVAL.toSeconds());
        List<String> refused = aws.rateLimits().refused();
        out.printf("calls refused       %d (over a quota)%s%n", refused.size(), refused.isEmpty() ? ""
            : ": " + refused.stream().collect(Collectors.groupingBy(call -> call, TreeMap::new, Collectors.counting())));
        out.printf("calls by service    %s%n", calls);
        out.printf("busiest operations  %s%n", aws.calls().snapshot().entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        out.flush();
        return ready == resources && refused.isEmpty() ? 0 : 1;
      } finally {
        operator.stop();
      }
    }
  }


  private ServerlessApi template() throws Exception {
    try (InputStream in = Files.newInputStream(sample)) {
      ServerlessApi api = Serialization.unmarshal(in, ServerlessApi.class);
      if (api.getMetadata().getNamespace() == null) {
        api.getMetadata().setNamespace("default");
      }
      return api;
    }
  }
}
