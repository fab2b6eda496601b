package dev.tap.operator.aws.simulated;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Control-plane quotas as token buckets per service and operation (or per service with "*"), as
 * the AWS quota pages state them: a call over the rate is refused with a throttling error. An
 * operation with a quota of its own is outside the service-wide one (Lambda's GetFunction has 100
 * per second and is excluded from the 15 per second of the control plane).
 */
public final class RateLimits {

  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final Queue<String> refused = new ConcurrentLinkedQueue<>();

  RateLimits(Clock clock) {
    this.clock = clock;
  }

  private static final class Bucket {
    final double perSecond;
    final double burst;
    double tokens;
    long lastNanos;

    Bucket(double perSecond, double burst, long now) {
      this.perSecond = perSecond;
      this.burst = burst;
      this.tokens = burst;
      this.lastNanos = now;
    }

    synchronized boolean take(long now) {
      tokens = Math.min(burst, tokens + (now - lastNanos) / 1e9 * perSecond);
      lastNanos = now;
      if (tokens < 1) {
        return false;
      }
      tokens -= 1;
      return true;
    }
  }

  /** At most {@code perSecond} calls per second with bursts of {@code burst}; operation "*" covers the service. */
  public void limit(String service, String operation, double perSecond, double burst) {
    buckets.put(service + ":" + operation, new Bucket(perSecond, burst, nanos()));
  }

  public void clear() {
    buckets.clear();
  }

  void check(String service, String operation) {
    Bucket bucket = buckets.getOrDefault(service + ":" + operation, buckets.get(service + ":*"));
    if (bucket != null && !bucket.take(nanos())) {
      refused.add(service + ":" + operation);
      throw AwsErrors.throttling(service, operation);
    }
  }

  /** The calls refused for going over a quota, as service:operation, in order. */
  public List<String> refused() {
    return List.copyOf(refused);
  }

  private long nanos() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
