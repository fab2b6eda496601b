package dev.tap.operator.sandbox.serve;

import java.util.function.LongSupplier;

/**
 * API Gateway's throttling for one stage, as its developer guide describes it: a token bucket that holds
 * at most {@code burst} requests and refills at {@code rate} a second; a request that finds it empty is
 * refused (429). It starts full.
 */
final class TokenBucket {

  private final double rate;
  private final int burst;
  private final LongSupplier nanos;
  private double tokens;
  private long refilledAt;

  TokenBucket(double rate, int burst, LongSupplier nanos) {
    this.rate = rate;
    this.burst = burst;
    this.nanos = nanos;
    this.tokens = burst;
    this.refilledAt = nanos.getAsLong();
  }

  synchronized boolean tryTake() {
    long now = nanos.getAsLong();
    tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * rate);
    refilledAt = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  boolean sameLimits(double otherRate, int otherBurst) {
    return rate == otherRate && burst == otherBurst;
  }
}
