package dev.tap.operator.aws.simulated;

import dev.tap.operator.aws.AwsClients;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One simulated AWS account: DynamoDB and Application Auto Scaling per region, behind the SDK's own
 * client interfaces. Every call is counted; tests can add latency, rate limits and faults, and let
 * the auto scaler move capacity. Changes take {@code changeDelay} to settle, as AWS's do.
 */
public final class SimulatedAws implements AwsClients {

  public static final String ACCOUNT_ID = "123456789012";
  public static final String DYNAMODB = "dynamodb";
  public static final String AUTO_SCALING = "application-autoscaling";

  private final Clock clock;
  private final Duration changeDelay;
  private final CallLog calls = new CallLog();
  private final Faults faults = new Faults();
  private final RateLimits rateLimits;
  private volatile Duration latency = Duration.ZERO;
  private final Map<String, SimulatedDynamoDb> dynamo = new ConcurrentHashMap<>();
  private final Map<String, SimulatedAutoScaling> scaling = new ConcurrentHashMap<>();

  public SimulatedAws(Clock clock, Duration changeDelay) {
    this.clock = clock;
    this.changeDelay = changeDelay;
    this.rateLimits = new RateLimits(clock);
  }

  @Override
  public SimulatedDynamoDb dynamoDb(String region) {
    return dynamo.computeIfAbsent(region, r -> new SimulatedDynamoDb(r, this));
  }

  @Override
  public SimulatedAutoScaling autoScaling(String region) {
    return scaling.computeIfAbsent(region, r -> new SimulatedAutoScaling(r, dynamoDb(r), this));
  }

  public Map<String, SimulatedDynamoDb> dynamoDbRegions() {
    return Map.copyOf(dynamo);
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

  Clock clock() {
    return clock;
  }

  Duration changeDelay() {
    return changeDelay;
  }

  /** What every call passes first: counted, delayed, then refused if a fault or a quota says so. */
  void enter(String service, String operation) {
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
