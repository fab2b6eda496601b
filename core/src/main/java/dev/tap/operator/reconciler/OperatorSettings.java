package dev.tap.operator.reconciler;

import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.javaoperatorsdk.operator.processing.retry.RetryExecution;
import java.time.Duration;
import java.util.Optional;

/**
 * How often to look again: {@code pollInterval} while AWS settles a change, {@code resyncInterval}
 * once in sync (to find drift). Failures are retried by JOSDK without limit, backing off from
 * {@code retryInitial}, doubling, up to {@code retryMax}. All of them, like every wait the operator
 * derives from its clock (a quota's next token, a rollout step), are durations on that clock;
 * JOSDK's timers run in real time, so {@link #timer} turns them into timer delays for a clock that
 * runs {@code clockSpeed} times faster than real time (the quota benchmark's), and is 1 otherwise.
 */
public record OperatorSettings(Duration pollInterval, Duration resyncInterval, Duration retryInitial, Duration retryMax,
    int clockSpeed) {

  public OperatorSettings(Duration pollInterval, Duration resyncInterval, Duration retryInitial, Duration retryMax) {
    this(pollInterval, resyncInterval, retryInitial, retryMax, 1);
  }

  public OperatorSettings {
    if (clockSpeed < 1) {
      throw new IllegalArgumentException("the clock speed must be at least 1, not " + clockSpeed);
    }
  }

  public static final OperatorSettings PRODUCTION =
      new OperatorSettings(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofMinutes(2));

  static final double RETRY_MULTIPLIER = 2;
  private static final Duration MAX_STOP = Duration.ofSeconds(10);

  /** The same settings for an operator whose clock runs {@code speed} times faster than real time. */
  public OperatorSettings atClockSpeed(int speed) {
    return new OperatorSettings(pollInterval, resyncInterval, retryInitial, retryMax, speed);
  }

  /** A wait on the operator's clock as the delay of one of JOSDK's (real-time) timers. */
  public Duration timer(Duration onClock) {
    return onClock.dividedBy(clockSpeed);
  }

  /** How long a stop waits for reconciles in flight: a few polls, at most JOSDK's own 10 s. */
  public Duration stopTimeout() {
    Duration fewPolls = timer(pollInterval.multipliedBy(4));
    return fewPolls.compareTo(MAX_STOP) < 0 ? fewPolls : MAX_STOP;
  }

  /** JOSDK's retry, in real time. */
  public GenericRetry retry() {
    return retry(clockSpeed);
  }

  private GenericRetry retry(int speed) {
    return new GenericRetry().withoutMaxAttempts().setInitialInterval(retryInitial.dividedBy(speed).toMillis())
        .setIntervalMultiplier(RETRY_MULTIPLIER).setMaxInterval(retryMax.dividedBy(speed).toMillis());
  }

  /** The wait, on the clock, that {@link #retry()} makes before the retry that follows failed attempt {@code attempt} (1-based). */
  public Duration retryDelay(int attempt) {
    RetryExecution execution = retry(1).initExecution();
    Optional<Long> delay = Optional.empty();
    for (int i = 0; i < Math.max(1, attempt); i++) {
      delay = execution.nextDelay();
    }
    return Duration.ofMillis(delay.orElse(retryMax.toMillis()));
  }
}
