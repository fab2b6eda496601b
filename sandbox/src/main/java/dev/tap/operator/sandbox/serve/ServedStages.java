package dev.tap.operator.sandbox.serve;

import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.aws.simulated.apigateway.ApiGatewayState;
import dev.tap.operator.aws.simulated.lambda.FunctionSettings;
import dev.tap.operator.sandbox.LoopbackHttp;
import dev.tap.operator.sandbox.lambda.RoleCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every stage of the simulated API Gateway served on a loopback port of its own, from the moment it
 * has a deployment until it is deleted, with the functions' tables mirrored into dynalite. Looks again
 * every quarter second.
 */
public final class ServedStages implements AutoCloseable {

  /** A served stage, as GET /sandbox/v1/aws lists it: its URL includes the stage. */
  public record StageUrl(String restApiId, String stage, String url) {}

  private record Served(StageFront front, LoopbackHttp http, StageUrl url) {}

  private static final long POLL_MILLIS = 250;
  /**
   * Environments per version at most: each is a JVM, and this machine is not Lambda's fleet. Two serve
   * hundreds of requests a second of the handler's few milliseconds; more only start JVMs together,
   * each cold start slowing the others on a small machine.
   */
  static final int ENVIRONMENTS_PER_VERSION = 2;
  /** API Gateway's integration timeout: a request waiting longer for an environment gets its 504. */
  static final Duration INTEGRATION_TIMEOUT = Duration.ofSeconds(29);
  /** What the execution role's credentials look like to the function; dynalite accepts any. */
  static final RoleCredentials CREDENTIALS =
      new RoleCredentials("ASIASANDBOXEXAMPLE00", "sandbox-secret-access-key", "sandbox-session-token");

  private final SimulatedAws aws;
  private final FunctionFleet fleet;
  private final VersionInvocations invocations;
  private final Optional<TableMirror> mirror;
  private final Clock clock;
  private volatile long evaluatedMinute;
  private final Consumer<String> say;
  private final List<AutoCloseable> dataPlane;
  private final Map<String, Served> served = new ConcurrentHashMap<>();
  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "served-stages");
    thread.setDaemon(true);
    return thread;
  });

  /**
   * {@code dynamoDbEndpoint}: where the functions' DynamoDB calls go; {@code mirror}: the tables to keep
   * there, when it is the sandbox's own dynalite.
   */
  ServedStages(SimulatedAws aws, FunctionFleet fleet, CodeArtifacts code, Optional<String> dynamoDbEndpoint,
      Optional<TableMirror> mirror, Clock clock, Consumer<String> say, List<AutoCloseable> dataPlane) {
    this.aws = aws;
    this.clock = clock;
    this.evaluatedMinute = minute(clock.instant());
    this.dataPlane = dataPlane;
    this.fleet = fleet;
    this.mirror = mirror;
    this.say = say;
    this.invocations = new VersionInvocations(fleet, new VersionInvocations.Runtimes() {
      @Override
      public CodeArtifacts.Result jarFor(FunctionSettings settings) {
        return code.jarFor(settings);
      }

      @Override
      public Map<String, String> endpoints() {
        return dynamoDbEndpoint.map(url -> Map.of("AWS_ENDPOINT_URL_DYNAMODB", url)).orElse(Map.of());
      }
    }, new ServedMetrics(aws), clock);
  }

  /**
   * Serves the simulated API Gateway's stages. The functions' DynamoDB calls go to {@code dynamoDbEndpoint}
   * when DynamoDB is not simulated; otherwise to a dynalite started here, which holds the simulated tables.
   */
  public static ServedStages start(SimulatedAws aws, Optional<String> dynamoDbEndpoint, CodeArtifacts code,
      LambdaFaults faults, Clock clock, Consumer<String> say) throws InterruptedException {
    Optional<String> endpoint = dynamoDbEndpoint;
    Optional<TableMirror> mirror = Optional.empty();
    List<AutoCloseable> dataPlane = new ArrayList<>();
    if (endpoint.isEmpty()) {
      Optional<DynaliteProcess> dynalite = DynaliteProcess.start(Path.of(""), say);
      if (dynalite.isPresent()) {
        DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create(dynalite.get().endpoint()))
            .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(CREDENTIALS.accessKeyId(), CREDENTIALS.secretAccessKey())))
            .httpClient(UrlConnectionHttpClient.builder().build()).build();
        dataPlane.add(client);
        dataPlane.add(dynalite.get());
        endpoint = Optional.of(dynalite.get().endpoint());
        mirror = Optional.of(new TableMirror(aws, client, say));
      }
    }
    ServedStages stages = new ServedStages(aws, new FunctionFleet(ENVIRONMENTS_PER_VERSION, INTEGRATION_TIMEOUT,
        CREDENTIALS, faults), code, endpoint, mirror, clock, say, dataPlane);
    stages.poller.scheduleWithFixedDelay(stages::refreshSafely, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    return stages;
  }

  private void refreshSafely() {
    try {
      refresh();
    } catch (RuntimeException e) {
      // the next pass tries again; a stage that cannot be served must not stop the others
      say.accept("serving stages: " + e);
    }
  }

  /**
   * One pass: lets Lambda's Invoke run versions in each region called so far, serves new stages, updates
   * served ones, stops serving deleted ones, stops the environments of versions no alias routes to any more,
   * mirrors tables, and once a minute of the sandbox's clock evaluates the alarms on the metrics the requests
   * published.
   */
  synchronized void refresh() {
    aws.regionsOf(SimulatedAws.LAMBDA).forEach(region -> aws.lambda(region).state().invoker(invocations));
    mirror.ifPresent(TableMirror::sync);
    Instant now = clock.instant();
    if (minute(now) != evaluatedMinute) {
      evaluatedMinute = minute(now);
      aws.regionsOf(SimulatedAws.CLOUDWATCH).forEach(region -> aws.cloudWatch(region).state()
          .evaluateAlarms(Instant.ofEpochSecond(evaluatedMinute * 60)));
    }
    Set<String> present = new HashSet<>();
    for (String region : aws.regionsOf(SimulatedAws.API_GATEWAY)) {
      for (ApiGatewayState.ServedStage stage : aws.apiGateway(region).state().peekServedStages()) {
        String key = region + "/" + stage.restApiId() + "/" + stage.stage();
        present.add(key);
        Served existing = served.get(key);
        if (existing != null) {
          existing.front().update(stage);
        } else {
          served.put(key, serve(region, stage));
        }
      }
    }
    for (String key : new ArrayList<>(served.keySet())) {
      if (!present.contains(key)) {
        Served gone = served.remove(key);
        gone.http().close();
        say.accept("stopped serving stage " + gone.url().stage() + " of REST API " + gone.url().restApiId()
            + ": it is gone");
      }
    }
    Set<FunctionFleet.VersionKey> routed = new HashSet<>();
    served.values().forEach(s -> routed.addAll(s.front().routedVersions()));
    fleet.retireAllBut(routed);
  }

  private static long minute(Instant at) {
    return at.getEpochSecond() / 60;
  }

  private Served serve(String region, ApiGatewayState.ServedStage stage) {
    StageFront front = new StageFront(region, stage, aws, invocations, clock, say);
    try {
      LoopbackHttp http = LoopbackHttp.start("stage-" + stage.stage(), front);
      StageUrl url = new StageUrl(stage.restApiId(), stage.stage(), "http://127.0.0.1:" + http.port() + "/" + stage.stage());
      say.accept("serving stage " + stage.stage() + " of REST API " + stage.apiName() + " (" + stage.restApiId()
          + ") at " + url.url());
      return new Served(front, http, url);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve stage " + stage.stage(), e);
    }
  }

  /**
   * Where a request to a stage's AWS invoke URL ({@code https://ID.execute-api.REGION.amazonaws.com/STAGE})
   * is answered here: the stage's loopback URL once served, else the URL itself (which has no answer).
   */
  public URI address(URI invokeUrl) {
    String host = invokeUrl.getHost() == null ? "" : invokeUrl.getHost();
    String restApiId = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
    String stage = invokeUrl.getPath() == null ? "" : invokeUrl.getPath().replaceAll("^/+|/+$", "");
    return served.values().stream().map(Served::url)
        .filter(url -> url.restApiId().equals(restApiId) && url.stage().equals(stage)).findFirst()
        .map(url -> URI.create(url.url())).orElse(invokeUrl);
  }

  public List<StageUrl> urls() {
    return served.values().stream().map(Served::url)
        .sorted(Comparator.comparing(StageUrl::url)).toList();
  }

  public List<FunctionFleet.VersionCounts> invocations() {
    return fleet.counts();
  }

  @Override
  public void close() {
    poller.shutdownNow();
    synchronized (this) {
      // after the last pass: Invoke runs no code in the closed fleet
      aws.regionsOf(SimulatedAws.LAMBDA).forEach(region -> aws.lambda(region).state().invoker(null));
    }
    served.values().forEach(s -> s.http().close());
    served.clear();
    fleet.close();
    for (AutoCloseable part : dataPlane) {
      try {
        part.close();
      } catch (Exception e) {
        say.accept("closing " + part + ": " + e.getMessage());
      }
    }
  }
}
