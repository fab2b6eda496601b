package dev.tap.operator.metrics;

import dev.tap.operator.aws.AwsCallHook;
import dev.tap.operator.aws.AwsService;
import dev.tap.operator.aws.QuotaWaitException;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * What {@code /metrics} shows, in Prometheus's text format: JOSDK's reconciliation metrics, every AWS
 * call by service, operation and outcome ({@code tap_aws_calls_total}; outcome success, throttled,
 * not_found (how the operator learns something is missing), client_error, server_error, error (no
 * answer), or held when the pacer kept it back for a quota), the time from a spec change to Ready
 * ({@code tap_time_to_ready_seconds}), each resource's state ({@code tap_resource_state}), its rollout phase
 * ({@code tap_rollout_phase}), and how often converged resources are read again ({@code tap_resync_interval_seconds},
 * stretched past the configured interval when that many resources would use over half of a quota).
 */
public final class OperatorMetrics implements AwsCallHook {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Timer timeToReady = Timer.builder("tap.time.to.ready")
      .description("From the first reconcile of a spec change to Ready").publishPercentileHistogram()
      .minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofHours(2)).register(registry);
  private final ResourceGauge rollouts = new ResourceGauge(registry, "tap.rollout.phase",
      "1 for the phase of each resource's rollout", "phase");
  private final ResourceGauge states = new ResourceGauge(registry, "tap.resource.state",
      "1 for the state of each resource: Ready, Progressing, Retrying or Stalled", "state");

  private final AtomicLong resyncMillis = new AtomicLong();

  public OperatorMetrics() {
    Gauge.builder("tap.resync.interval", resyncMillis, millis -> millis.get() / 1000.0)
        .description("How often a converged resource is read again, as last paced").baseUnit("seconds").register(registry);
  }

  /** JOSDK's reconciliation metrics, on the same registry; not per resource, to keep series few. */
  public Metrics josdk() {
    return MicrometerMetrics.withoutPerResourceMetrics(registry);
  }

  @Override
  public void before(AwsService<?> service, String region, String operation) {
    // Counted once the outcome is known.
  }

  @Override
  public void after(AwsService<?> service, String region, String operation) {
    count(service, operation, "success");
  }

  @Override
  public void failed(AwsService<?> service, String region, String operation, Throwable failure) {
    count(service, operation, outcome(failure));
  }

  private void count(AwsService<?> service, String operation, String outcome) {
    registry.counter("tap.aws.calls", "service", service.name(), "operation", operation, "outcome", outcome).increment();
  }

  static String outcome(Throwable failure) {
    if (failure instanceof QuotaWaitException) {
      return "held";
    }
    if (!(failure instanceof AwsServiceException aws)) {
      return "error";
    }
    if (aws.isThrottlingException()) {
      return "throttled";
    }
    if (aws.statusCode() == 404) {
      return "not_found";
    }
    return aws.statusCode() >= 500 ? "server_error" : "client_error";
  }

  public void readyAfter(Duration sinceSpecChange) {
    timeToReady.record(sinceSpecChange);
  }

  /** The rollout phase of {@code resource} (namespace/name); null when it has none, or is gone. */
  public void rolloutPhase(String resource, String phase) {
    rollouts.set(resource, phase);
  }

  /**
   * The state of {@code resource} (namespace/name) after a reconcile: Ready, Progressing, Retrying or
   * Stalled (a human must act); null when it is gone.
   */
  public void resourceState(String resource, String state) {
    states.set(resource, state);
  }

  /** How often the last converged resource will be read again. */
  public void resyncInterval(Duration interval) {
    resyncMillis.set(interval.toMillis());
  }

  public Duration resyncInterval() {
    return Duration.ofMillis(resyncMillis.get());
  }

  /** The registry in Prometheus's text exposition format. */
  public String scrape() {
    return registry.scrape();
  }
}
