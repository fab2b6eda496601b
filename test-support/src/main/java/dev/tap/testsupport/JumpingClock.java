package dev.tap.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with the system clock and that a test can move ahead at once, so the operator
 * and the simulated AWS share one time in which minutes pass without anyone waiting for them.
 */
public final class JumpingClock extends UtcClock {

  private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

  public void jump(Duration duration) {
    ahead.updateAndGet(current -> current.plus(duration));
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(ahead.get());
  }
}
