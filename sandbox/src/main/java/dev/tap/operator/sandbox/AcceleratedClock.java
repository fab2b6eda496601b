package dev.tap.operator.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that runs {@code speed} times faster than the system clock from the moment it is made. */
final class AcceleratedClock extends Clock {

  private final Instant start = Instant.now();
  private final long startNanos = System.nanoTime();
  private final int speed;

  AcceleratedClock(int speed) {
    this.speed = speed;
  }

  /** How much of this clock's time has passed since it was made. */
  Duration elapsed() {
    return Duration.between(start, instant());
  }

  @Override
  public Instant instant() {
    return start.plusNanos((System.nanoTime() - startNanos) * speed);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("UTC only");
  }
}
