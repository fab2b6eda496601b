package dev.tap.operator.aws.simulated;

import dev.tap.operator.aws.AwsClients;
import dev.tap.operator.aws.AwsService;
import dev.tap.operator.aws.AwsServices;
import dev.tap.operator.aws.simulated.apigateway.SimulatedApiGateway;
import dev.tap.operator.aws.simulated.autoscaling.ScalableCapacity;
import dev.tap.operator.aws.simulated.cloudwatch.SimulatedCloudWatch;
import dev.tap.operator.aws.simulated.lambda.SimulatedLambda;
import dev.tap.operator.aws.simulated.autoscaling.SimulatedAutoScaling;
import dev.tap.operator.aws.simulated.dynamodb.SimulatedDynamoDb;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkClient;

/**
 * One simulated AWS account: what every simulated service shares (the clock, the call log, injected
 * faults, rate limits, latency) and one client per service and region, behind the SDK's own client
 * interfaces. Each service lives in its own package beside this one. Changes take {@code changeDelay}
 * to settle, as AWS's do.
 */
public final class SimulatedAws implements AwsClients {

  public static final String ACCOUNT_ID = "123456789012";

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

  @Override
  public <C extends SdkClient> C client(AwsService<C> service, String region) {
    return service.clientType().cast(clients.computeIfAbsent(service.name() + "/" + region,
        key -> service.simulated().apply(this, region)));
  }

  public SimulatedDynamoDb dynamoDb(String region) {
    return (SimulatedDynamoDb) client(AwsServices.DYNAMODB, region);
  }

  public SimulatedAutoScaling autoScaling(String region) {
    return (SimulatedAutoScaling) client(AwsServices.APPLICATION_AUTO_SCALING, region);
  }

  public SimulatedLambda lambda(String region) {
    return (SimulatedLambda) client(AwsServices.LAMBDA, region);
  }

  public SimulatedCloudWatch cloudWatch(String region) {
    return (SimulatedCloudWatch) client(AwsServices.CLOUDWATCH, region);
  }

  public SimulatedApiGateway apiGateway(String region) {
    return (SimulatedApiGateway) client(AwsServices.API_GATEWAY, region);
  }

  /** The tables the simulated Application Auto Scaling scales in a region: this account's, unless told otherwise. */
  public ScalableCapacity scalableCapacity(String region) {
    return scaledTables.apply(region);
  }

  /** Mixed mode: the simulated scaler acts on tables served elsewhere (DynamoDB on dynalite, say). */
  public void scaleTablesOf(Function<String, ScalableCapacity> tables) {
    this.scaledTables = tables;
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
