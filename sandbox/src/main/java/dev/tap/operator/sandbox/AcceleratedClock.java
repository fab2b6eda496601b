package dev.tap.operator.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs {@code speed} times faster than the system clock from the moment it is made, and
 * stands still while {@link #hold held}: the quota benchmark holds it while the operator reconciles,
 * so that the operator's own processing, which a fast clock would magnify into minutes of AWS time,
 * takes none, and its figures are the same on any machine and at any speed.
 */
final class AcceleratedClock extends Clock {

  private final Instant start = Instant.now();
  private final int speed;
  private long ranNanos;
  private long runningSince = System.nanoTime();
  private int holds;

  AcceleratedClock(int speed) {
    this.speed = speed;
  }

  /** How much of this clock's time has passed since it was made. */
  Duration elapsed() {
    return Duration.between(start, instant());
  }

  /** Stops the clock until every hold is released. */
  synchronized void hold() {
    if (holds++ == 0) {
      ranNanos += System.nanoTime() - runningSince;
    }
  }

  synchronized void release() {
    if (--holds == 0) {
      runningSince = System.nanoTime();
    }
  }

  /** Waits for {@code onClock} of this clock's time to pass, releasing the caller's hold meanwhile. */
  void sleepHeld(Duration onClock) throws InterruptedException {
    Instant until = instant().plus(onClock);
    release();
    try {
      while (instant().isBefore(until)) {
        Thread.sleep(Math.max(1, Duration.between(instant(), until).toMillis() / speed));
      }
    } finally {
      hold();
    }
  }

  @Override
  public synchronized Instant instant() {
    return start.plusNanos((holds > 0 ? ranNanos : ranNanos + System.nanoTime() - runningSince) * speed);
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
