package dev.tap.operator.aws;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Paces the operator's AWS calls below the account's control-plane quotas: one token bucket per
 * operation (or per service for "all other calls together"), per region, on the operator's clock,
 * shared by every resource. A call without a token is not sent: {@link QuotaWaitException} says how
 * long to wait, and the reconcile is rescheduled. Calls made {@link #onBehalfOf on behalf of} a
 * resource's dependent are spread out instead of racing: the one held back is told to come back after
 * the turns already given, so many waiting resources come back one after the other rather than all at
 * once every time a token appears (each of those wake-ups re-reads the whole resource from AWS and,
 * with dozens of resources, the reads alone used up the quotas). When several
 * operator deployments share an account, each takes its {@code share} of every quota. The SDK's
 * adaptive retry is no substitute: its limiter is per client and only reacts to throttling already
 * received.
 */
public final class AwsPacing implements AwsCallHook {

  /** A documented quota: {@code operation} "*" covers every operation of the service without its own quota. */
  public record Quota(String service, String operation, double perSecond, double burst) {

    String describe() {
      String rate = perSecond >= 1 ? format(perSecond) + " per s" : "1 per " + format(1 / perSecond) + " s";
      return rate + (burst > 1 ? ", burst " + format(burst) : "");
    }

    private static String format(double value) {
      return value == Math.rint(value) ? Long.toString((long) value) : String.format("%.2f", value);
    }
  }

  /**
   * From the AWS quota pages, per account and region (the API Gateway ones cannot be raised). The
   * services these name arrive with later dependents; a quota of a service not called costs nothing.
   */
  public static final List<Quota> DOCUMENTED = List.of(
      new Quota("apigateway", "CreateRestApi", 1.0 / 3, 1),
      new Quota("apigateway", "CreateDeployment", 1.0 / 5, 1),
      new Quota("apigateway", "PutRestApi", 1, 1),
      new Quota("apigateway", "ImportRestApi", 1.0 / 3, 1),
      new Quota("apigateway", "GetResources", 5.0 / 2, 5),
      new Quota("apigateway", "DeleteRestApi", 1.0 / 30, 1),
      new Quota("apigateway", "*", 10, 40),
      new Quota("lambda", "GetFunction", 100, 100),
      // Invoke is data plane: its rate is 10 x the account's concurrency (1 000), apart from the 15 per s.
      new Quota("lambda", "Invoke", 10_000, 10_000),
      new Quota("lambda", "*", 15, 15),
      new Quota("monitoring", "PutMetricAlarm", 3, 3),
      new Quota("monitoring", "DescribeAlarms", 9, 9),
      new Quota("monitoring", "GetMetricData", 50, 50),
      new Quota("monitoring", "DeleteAlarms", 3, 3),
      new Quota("monitoring", "SetAlarmState", 3, 3));

  /** How long a turn waits for its resource to come back before it is forgotten. */
  static final Duration TURN_KEPT = Duration.ofSeconds(30);

  /** The resource the calls of this thread are made for (a dependent's pass runs on one thread). */
  private static final ThreadLocal<String> HOLDER = new ThreadLocal<>();

  private final Map<String, Quota> quotas = new ConcurrentHashMap<>();
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final Clock clock;

  public AwsPacing(List<Quota> quotas, double share, Clock clock) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("the quota share must be in (0, 1], not " + share);
    }
    for (Quota quota : quotas) {
      this.quotas.put(quota.service() + ":" + quota.operation(), new Quota(quota.service(), quota.operation(),
          quota.perSecond() * share, Math.max(1, quota.burst() * share)));
    }
    this.clock = clock;
  }

  /** The documented quotas, of which this deployment takes {@code share}. */
  public static AwsPacing documented(double share, Clock clock) {
    return new AwsPacing(DOCUMENTED, share, clock);
  }

  /** No pacing at all. */
  public static AwsPacing none(Clock clock) {
    return new AwsPacing(List.of(), 1, clock);
  }

  /**
   * Runs {@code pass} with its calls made for {@code holder} (such as {@code namespace/name}): held-back
   * calls are spread out, and the tokens an {@link #admit} set aside for the pass and it did not use go
   * back to their buckets when it ends.
   */
  public <T> T onBehalfOf(String holder, Supplier<T> pass) {
    String outer = HOLDER.get();
    HOLDER.set(holder);
    try {
      return pass.get();
    } finally {
      HOLDER.set(outer);
      buckets.values().forEach(bucket -> bucket.giveBack(holder, clock.millis()));
    }
  }

  @Override
  public void before(AwsService<?> service, String region, String operation) {
    take(region, service, operation);
  }

  /**
   * Admits a pass of {@code calls} calls to a service only when its service-wide quota has room for all
   * of them now, else throws {@link QuotaWaitException} before any is sent: a pass that ran out of
   * tokens halfway would have spent them for nothing (or left a change half made), and many such passes
   * starve each other. Within {@link #onBehalfOf} the tokens are set aside for the pass at once.
   */
  public void admit(String region, AwsService<?> service, int calls) {
    Quota quota = quotas.get(service.name() + ":*");
    if (quota == null) {
      return;
    }
    long waitMillis = bucket(region, quota).admit(HOLDER.get(), calls, clock.millis());
    if (waitMillis > 0) {
      throw new QuotaWaitException("waiting for the " + service + " control-plane quota (" + quota.describe() + " in "
          + region + ") to have room for " + calls + " calls: about " + Math.max(1, Math.round(waitMillis / 1000.0)) + " s",
          Duration.ofMillis(waitMillis));
    }
  }

  /** Takes a token for one call, or throws {@link QuotaWaitException} without sending it. */
  public void take(String region, AwsService<?> service, String operation) {
    Quota quota = quotas.get(service.name() + ":" + operation);
    if (quota == null) {
      quota = quotas.get(service.name() + ":*");
    }
    if (quota == null) {
      return;
    }
    Quota chosen = quota;
    long waitMillis = bucket(region, chosen).take(HOLDER.get(), clock.millis());
    if (waitMillis > 0) {
      String which = chosen.operation().equals("*") ? "control-plane" : operation;
      throw new QuotaWaitException("waiting for the " + service + " " + which + " quota (" + chosen.describe()
          + " in " + region + "): next call in " + Math.max(1, Math.round(waitMillis / 1000.0)) + " s",
          Duration.ofMillis(waitMillis));
    }
  }

  /** The bucket of a quota in a region, shared by every resource. */
  private Bucket bucket(String region, Quota quota) {
    return buckets.computeIfAbsent(region + ":" + quota.service() + ":" + quota.operation(),
        key -> new Bucket(quota, clock.millis()));
  }

  /**
   * A token bucket a little inside the quota: AWS counts a call when it arrives, which may be later
   * than when we took its token (threads, network), so two calls we sent a full interval apart can
   * reach AWS closer together. One call of the burst and 5 % of the rate are left as that slack.
   * A token is only ever taken when its call is sent, by whoever comes when one is there. A holder held
   * back is told to come back after the last turn already given (a turn: when the bucket should have
   * room for it), so that waiting holders come back one by one, not all at once.
   */
  private static final class Bucket {
    private static final double RATE_KEPT = 0.95;
    private final double perSecond;
    private final double capacity;
    private final Map<String, Long> turns = new HashMap<>();
    /** Tokens an admitted pass set aside and has not used yet, by holder. */
    private final Map<String, Integer> setAside = new HashMap<>();
    private double tokens;
    private long lastMillis;

    Bucket(Quota quota, long now) {
      this.perSecond = quota.perSecond() * RATE_KEPT;
      this.capacity = Math.max(1, quota.burst() - 1);
      this.tokens = capacity;
      this.lastMillis = now;
    }

    /**
     * 0 when a pass of {@code calls} calls (at most the capacity) may start now, with the tokens set aside
     * for its holder (without one: taking nothing); else the wait.
     */
    synchronized long admit(String holder, int calls, long now) {
      int needed = (int) Math.min(calls, capacity);
      if (holder != null && setAside.getOrDefault(holder, 0) >= needed) {
        return 0;
      }
      long wait = room(holder, needed, now);
      if (wait == 0 && holder != null) {
        tokens -= needed;
        setAside.merge(holder, needed, Integer::sum);
      }
      return wait;
    }

    /** 0 when a token was taken (first from those set aside for the holder), else the milliseconds until its turn. */
    synchronized long take(String holder, long now) {
      Integer kept = holder == null ? null : setAside.get(holder);
      if (kept != null) {
        if (kept > 1) {
          setAside.put(holder, kept - 1);
        } else {
          setAside.remove(holder);
        }
        return 0;
      }
      long wait = room(holder, 1, now);
      if (wait == 0) {
        tokens -= 1;
      }
      return wait;
    }

    private long room(String holder, double calls, long now) {
      refill(now);
      long untilRoom = (long) Math.ceil(Math.max(0, calls - tokens) / perSecond * 1000);
      if (untilRoom == 0) {
        if (holder != null) {
          turns.remove(holder);
        }
        return 0;
      }
      if (holder == null) {
        return untilRoom;
      }
      // Come back after every turn already given (its own too: it came early, or late and found no room).
      turns.remove(holder);
      long next = Math.max(now + untilRoom, turns.values().stream().mapToLong(Long::longValue).max().orElse(now)
          + (long) Math.ceil(calls / perSecond * 1000));
      turns.put(holder, next);
      return next - now;
    }

    /** The tokens set aside for a pass that ended without using them. */
    synchronized void giveBack(String holder, long now) {
      Integer kept = setAside.remove(holder);
      if (kept != null) {
        refill(now);
        tokens = Math.min(capacity, tokens + kept);
      }
    }

    private void refill(long now) {
      tokens = Math.min(capacity, tokens + Math.max(0, now - lastMillis) / 1000.0 * perSecond);
      lastMillis = now;
      // A holder that did not come back for its turn (deleted, or it no longer needs the call) is forgotten.
      turns.values().removeIf(turn -> now - turn > TURN_KEPT.toMillis());
    }
  }
}
