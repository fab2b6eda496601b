package dev.tap.operator.sandbox.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tap.operator.aws.simulated.AwsErrors;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.aws.simulated.lambda.FunctionInvoker;
import dev.tap.operator.aws.simulated.lambda.FunctionSettings;
import dev.tap.operator.sandbox.lambda.FunctionConfig;
import dev.tap.operator.sandbox.lambda.InvocationResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.model.ServiceException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Invocations of function versions in the fleet, as Lambda runs them: the version's code jar, settings,
 * variables and timeout, DynamoDB where the sandbox has it, the version's injected faults (in the fleet),
 * then Lambda's metrics. What the stages' proxy integrations run, and, as the simulated Lambda's
 * {@link FunctionInvoker}, what its Invoke runs.
 */
final class VersionInvocations implements FunctionInvoker {

  /** What a version needs beyond its settings to run here: its code's jar, and where DynamoDB is. */
  interface Runtimes {
    CodeArtifacts.Result jarFor(FunctionSettings settings);

    Map<String, String> endpoints();
  }

  /**
   * What came of one invocation: the function's result, or none when no environment was free in time;
   * or, when {@code problem} is set, no code to run.
   */
  record Outcome(Optional<InvocationResult> result, String problem) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FunctionFleet fleet;
  private final Runtimes runtimes;
  private final ServedMetrics metrics;
  private final Clock clock;

  /** {@code clock}: the sandbox's, which times the metrics; durations are real. */
  VersionInvocations(FunctionFleet fleet, Runtimes runtimes, ServedMetrics metrics, Clock clock) {
    this.fleet = fleet;
    this.runtimes = runtimes;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Runs {@code event} in {@code version}, which invoking {@code target} (an alias, or the version itself) ran. */
  Outcome run(InvocationTarget target, String version, FunctionSettings settings, String event)
      throws IOException, InterruptedException {
    CodeArtifacts.Result code = runtimes.jarFor(settings);
    if (code.jar() == null) {
      return new Outcome(Optional.empty(), code.problem());
    }
    Map<String, String> variables = new HashMap<>(settings.environment());
    variables.putAll(runtimes.endpoints());
    FunctionConfig config = new FunctionConfig(target.function(), version, code.jar(), settings.handler(),
        settings.memorySize(), target.region(), variables);
    long started = System.nanoTime();
    Optional<InvocationResult> result = fleet.invoke(new FunctionFleet.VersionKey(target.region(), target.function(),
        version), config, Duration.ofSeconds(settings.timeout()), event);
    result.ifPresent(r -> metrics.invocation(target, version, r.failed(), false, (System.nanoTime() - started) / 1e6,
        clock.instant()));
    return new Outcome(result, null);
  }

  /**
   * The simulated Lambda's Invoke of a version: the function's answer, or its error (a timeout and a crashed
   * environment included) as a function error; no environment free in time is Lambda's throttling.
   */
  @Override
  public FunctionInvoker.Outcome invoke(String region, String function, String version, FunctionSettings settings,
      String payload) {
    Outcome outcome;
    try {
      outcome = run(new InvocationTarget(region, function, version), version, settings, payload);
    } catch (IOException e) {
      throw serviceError("no execution environment for " + function + ":" + version + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw serviceError("interrupted invoking " + function + ":" + version);
    }
    if (outcome.problem() != null) {
      String document = JSON.createObjectNode().put("errorType", "Sandbox.NoCode").put("errorMessage", outcome.problem())
          .toString();
      return new FunctionInvoker.Outcome(document, true);
    }
    InvocationResult result = outcome.result().orElseThrow(() -> AwsErrors.<TooManyRequestsException>build(
        TooManyRequestsException.builder(), SimulatedAws.LAMBDA, "TooManyRequestsException", 429, "Rate Exceeded."));
    return new FunctionInvoker.Outcome(result.payload(), result.failed());
  }

  private static ServiceException serviceError(String message) {
    return AwsErrors.build(ServiceException.builder(), SimulatedAws.LAMBDA, "ServiceException", 500, message);
  }
}
