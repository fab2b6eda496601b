package dev.tap.operator.reconciler;

import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.javaoperatorsdk.operator.processing.retry.RetryExecution;
import java.time.Duration;
import java.util.Optional;

/**
 * How often to look again: {@code pollInterval} while AWS settles a change, {@code resyncInterval}
 * once in sync (to find drift). Failures are retried by JOSDK without limit, backing off from
 * {@code retryInitial}, doubling, up to {@code retryMax}.
 */
public record OperatorSettings(Duration pollInterval, Duration resyncInterval, Duration retryInitial, Duration retryMax) {

  public static final OperatorSettings PRODUCTION =
      new OperatorSettings(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofMinutes(2));

  static final double RETRY_MULTIPLIER = 2;
  private static final Duration MAX_STOP = Duration.ofSeconds(10);

  /** How long a stop waits for reconciles in flight: a few polls, at most JOSDK's own 10 s. */
  public Duration stopTimeout() {
    Duration fewPolls = pollInterval.multipliedBy(4);
    return fewPolls.compareTo(MAX_STOP) < 0 ? fewPolls : MAX_STOP;
  }

  public GenericRetry retry() {
    return new GenericRetry().withoutMaxAttempts().setInitialInterval(retryInitial.toMillis())
        .setIntervalMultiplier(RETRY_MULTIPLIER).setMaxInterval(retryMax.toMillis());
  }

  /** The wait JOSDK's {@link #retry()} makes before the retry that follows failed attempt {@code attempt} (1-based). */
  public Duration retryDelay(int attempt) {
    RetryExecution execution = retry().initExecution();
    Optional<Long> delay = Optional.empty();
    for (int i = 0; i < Math.max(1, attempt); i++) {
      delay = execution.nextDelay();
    }
    return Duration.ofMillis(delay.orElse(retryMax.toMillis()));
  }
}
