package dev.tap.testsupport;

import java.time.Duration;
import java.time.Instant;

/** A clock that stands still until the test moves it, so that time-dependent behaviour needs no sleeping. */
public final class MovableClock extends UtcClock {

  private volatile Instant now;

  public MovableClock(Instant start) {
    this.now = start;
  }

  public void set(Instant instant) {
    now = instant;
  }

  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
