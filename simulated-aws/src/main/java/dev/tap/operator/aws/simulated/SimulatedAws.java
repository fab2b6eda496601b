package dev.tap.operator.aws.simulated;

import dev.tap.operator.aws.simulated.apigateway.SimulatedApiGateway;
import dev.tap.operator.aws.simulated.autoscaling.AutoScalingState;
import dev.tap.operator.aws.simulated.autoscaling.ScalableCapacity;
import dev.tap.operator.aws.simulated.cloudwatch.SimulatedCloudWatch;
import dev.tap.operator.aws.simulated.lambda.SimulatedLambda;
import dev.tap.operator.aws.simulated.autoscaling.SimulatedAutoScaling;
import dev.tap.operator.aws.simulated.dynamodb.SimulatedDynamoDb;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkClient;

/**
 * One simulated AWS account: what every simulated service shares (the clock, the call log, injected
 * faults, rate limits, latency) and one client per service and region, behind the SDK's own client
 * interfaces. Each service lives in its own package beside this one. Changes take {@code changeDelay}
 * to settle, as AWS's do. This class holds the registry of simulated services, by the names AWS
 * signs requests and counts quotas with; it depends on the AWS SDK only.
 */
public final class SimulatedAws {

  public static final String ACCOUNT_ID = "123456789012";
  public static final String DYNAMODB = "dynamodb";
  public static final String APPLICATION_AUTO_SCALING = "application-autoscaling";
  public static final String LAMBDA = "lambda";
  /** CloudWatch's signing (and quota) name. */
  public static final String CLOUDWATCH = "monitoring";
  public static final String API_GATEWAY = "apigateway";

  /** Every simulated service, by name. */
  private static final Map<String, BiFunction<SimulatedAws, String, SdkClient>> SERVICES = Map.of(
      DYNAMODB, SimulatedDynamoDb::new, APPLICATION_AUTO_SCALING, SimulatedAutoScaling::new, LAMBDA, SimulatedLambda::new,
      CLOUDWATCH, SimulatedCloudWatch::new, API_GATEWAY, SimulatedApiGateway::new);

  private final Clock clock;
  private final Duration changeDelay;
  private final CallLog calls = new CallLog();
  private final Faults faults = new Faults();
  private final RateLimits rateLimits;
  private volatile Duration latency = Duration.ZERO;
  private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();
  private volatile Function<String, ScalableCapacity> scaledTables = region -> dynamoDb(region).state();

  public SimulatedAws(Clock clock, Duration changeDelay) {
    this.clock = clock;
    this.changeDelay = changeDelay;
    this.rateLimits = new RateLimits(clock);
  }

  /** The simulated client of {@code service} (one of the names above) in {@code region}. */
  public SdkClient client(String service, String region) {
    BiFunction<SimulatedAws, String, SdkClient> simulated = SERVICES.get(service);
    if (simulated == null) {
      throw new IllegalArgumentException("no simulated service " + service + "; simulated: " + SERVICES.keySet());
    }
    return clients.computeIfAbsent(service + "/" + region, key -> simulated.apply(this, region));
  }

  /** The regions in which {@code service} has been called (or looked at) so far. */
  public Set<String> regionsOf(String service) {
    return clients.keySet().stream().filter(key -> key.startsWith(service + "/"))
        .map(key -> key.substring(service.length() + 1)).collect(Collectors.toCollection(TreeSet::new));
  }

  public SimulatedDynamoDb dynamoDb(String region) {
    return (SimulatedDynamoDb) client(DYNAMODB, region);
  }

  public SimulatedAutoScaling autoScaling(String region) {
    return (SimulatedAutoScaling) client(APPLICATION_AUTO_SCALING, region);
  }

  public SimulatedLambda lambda(String region) {
    return (SimulatedLambda) client(LAMBDA, region);
  }

  public SimulatedCloudWatch cloudWatch(String region) {
    return (SimulatedCloudWatch) client(CLOUDWATCH, region);
  }

  public SimulatedApiGateway apiGateway(String region) {
    return (SimulatedApiGateway) client(API_GATEWAY, region);
  }

  /** The tables the simulated Application Auto Scaling scales in a region: this account's, unless told otherwise. */
  public ScalableCapacity scalableCapacity(String region) {
    return scaledTables.apply(region);
  }

  /** Mixed mode: the simulated scaler acts on tables served elsewhere (DynamoDB on dynalite, say). */
  public void scaleTablesOf(Function<String, ScalableCapacity> tables) {
    this.scaledTables = tables;
  }

  /**
   * How many scalable targets each region holds, to set against {@link AutoScalingState#MAX_SCALABLE_TARGETS}
   * (all of the dynamodb namespace, the only one simulated).
   */
  public Map<String, Integer> scalableTargets() {
    return regionsOf(APPLICATION_AUTO_SCALING).stream()
        .collect(Collectors.toMap(region -> region, region -> autoScaling(region).peekTargets().size(), (a, b) -> a,
            TreeMap::new));
  }

  public CallLog calls() {
    return calls;
  }

  public Faults faults() {
    return faults;
  }

  public RateLimits rateLimits() {
    return rateLimits;
  }

  /** Added to every call, to model a slow control plane. */
  public void setLatency(Duration latency) {
    this.latency = latency;
  }

  public Clock clock() {
    return clock;
  }

  public Duration changeDelay() {
    return changeDelay;
  }

  /** What every call passes first: counted, delayed, then refused if a fault or a quota says so. */
  public void enter(String service, String operation) {
    calls.record(service, operation);
    Duration pause = latency;
    if (!pause.isZero()) {
      try {
        Thread.sleep(pause.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    faults.check(service, operation);
    rateLimits.check(service, operation);
  }
}
