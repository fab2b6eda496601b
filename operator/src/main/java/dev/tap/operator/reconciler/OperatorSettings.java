package dev.tap.operator.reconciler;

import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import java.time.Duration;

/**
 * How often to look again: {@code pollInterval} while AWS settles a change, {@code resyncInterval}
 * once in sync (to find drift). Failures are retried by JOSDK without limit, backing off from
 * {@code retryInitial}, doubling, up to {@code retryMax}.
 */
public record OperatorSettings(Duration pollInterval, Duration resyncInterval, Duration retryInitial, Duration retryMax) {

  public static final OperatorSettings PRODUCTION =
      new OperatorSettings(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofMinutes(2));

  static final double RETRY_MULTIPLIER = 2;

  public GenericRetry retry() {
    return new GenericRetry().withoutMaxAttempts().setInitialInterval(retryInitial.toMillis())
        .setIntervalMultiplier(RETRY_MULTIPLIER).setMaxInterval(retryMax.toMillis());
  }

  /** The wait before the retry that follows failed attempt {@code attempt} (1-based), as {@link #retry()} computes it. */
  public Duration retryDelay(int attempt) {
    double millis = retryInitial.toMillis() * Math.pow(RETRY_MULTIPLIER, Math.max(0, attempt - 1));
    return Duration.ofMillis((long) Math.min(retryMax.toMillis(), millis));
  }
}
