package dev.tap.operator.sandbox.serve;

import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.aws.simulated.cloudwatch.MetricStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the served requests publish to the simulated CloudWatch, named as AWS names them: API Gateway's
 * {@code Count}, {@code 4XXError}, {@code 5XXError} and {@code Latency} by ApiName and Stage; Lambda's
 * {@code Invocations}, {@code Errors}, {@code Throttles} and {@code Duration} by FunctionName, by
 * FunctionName and Resource (the alias or version invoked), and, for an alias's invocations only, by those
 * and ExecutedVersion.
 */
final class ServedMetrics {

  private final SimulatedAws aws;

  ServedMetrics(SimulatedAws aws) {
    this.aws = aws;
  }

  void request(String region, String apiName, String stage, int status, double latencyMs, Instant at) {
    MetricStore metrics = aws.cloudWatch(region).state().metrics();
    Map<String, String> dimensions = Map.of("ApiName", apiName, "Stage", stage);
    metrics.put(new MetricStore.Series("AWS/ApiGateway", "Count", dimensions), at, 1);
    metrics.put(new MetricStore.Series("AWS/ApiGateway", "4XXError", dimensions), at, status >= 400 && status < 500 ? 1 : 0);
    metrics.put(new MetricStore.Series("AWS/ApiGateway", "5XXError", dimensions), at, status >= 500 ? 1 : 0);
    metrics.put(new MetricStore.Series("AWS/ApiGateway", "Latency", dimensions), at, latencyMs);
  }

  /**
   * One invocation of {@code function}:{@code qualifier} (an alias, or the version itself) that ran
   * {@code version}; a throttled one has no duration.
   */
  void invocation(InvocationTarget target, String version, boolean error, boolean throttled, double durationMs,
      Instant at) {
    MetricStore metrics = aws.cloudWatch(target.region()).state().metrics();
    String resource = target.function() + ":" + target.qualifier();
    List<Map<String, String>> dimensionSets = new ArrayList<>(List.of(Map.of("FunctionName", target.function()),
        Map.of("FunctionName", target.function(), "Resource", resource)));
    if (!target.qualifier().equals(version)) {
      dimensionSets.add(Map.of("FunctionName", target.function(), "Resource", resource, "ExecutedVersion", version));
    }
    for (Map<String, String> dimensions : dimensionSets) {
      metrics.put(new MetricStore.Series("AWS/Lambda", "Throttles", dimensions), at, throttled ? 1 : 0);
      if (!throttled) {
        metrics.put(new MetricStore.Series("AWS/Lambda", "Invocations", dimensions), at, 1);
        metrics.put(new MetricStore.Series("AWS/Lambda", "Errors", dimensions), at, error ? 1 : 0);
        metrics.put(new MetricStore.Series("AWS/Lambda", "Duration", dimensions), at, durationMs);
      }
    }
  }
}
