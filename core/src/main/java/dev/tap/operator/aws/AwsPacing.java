package dev.tap.operator.aws;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Paces the operator's AWS calls below the account's control-plane quotas: one {@link PacedQuota}
 * per operation (or per service for "all other calls together"), per region, on the operator's
 * clock, shared by every resource. A call without room is not sent: {@link QuotaWaitException} says
 * how long to wait, and the reconcile is rescheduled. Calls made {@link #onBehalfOf on behalf of} a
 * resource's dependent wait their turn, first come first served, so each waiting resource comes back
 * once, when its call can go ({@link #turnOf} lets it come back without a call until then), rather
 * than all of them every time a token appears (each of those wake-ups re-read the whole resource from
 * AWS and, with dozens of resources, the reads alone used up the quotas). When several operator
 * deployments share an account, each takes its {@code share} of every quota; a burst-1 quota is
 * shared by time slots ({@link QuotaSupply.Slots}), since halving a burst of 1 leaves 1 each. The
 * SDK's adaptive retry is no substitute: its limiter is per client and only reacts to throttling
 * already received.
 */
public final class AwsPacing implements AwsCallHook {

  /** A documented quota: {@code operation} "*" covers every operation of the service without its own quota. */
  public record Quota(String service, String operation, double perSecond, double burst) {

    /** Such as "1 per 5 s" or "10 per s, burst 40". */
    public String describe() {
      String rate = perSecond >= 1 ? format(perSecond) + " per s" : "1 per " + format(1 / perSecond) + " s";
      return rate + (burst > 1 ? ", burst " + format(burst) : "");
    }

    /** service:operation, as the call counts name it. */
    public String name() {
      return service + ":" + operation;
    }

    private static String format(double value) {
      return value == Math.rint(value) ? Long.toString((long) value) : String.format("%.2f", value);
    }
  }

  /**
   * This deployment's part of the account's quotas: {@code fraction} of each, and for burst-1 quotas
   * the time slot {@code slot} of {@code 1 / fraction} (0-based), which no other deployment may take.
   */
  public record Share(double fraction, int slot) {

    public static final Share WHOLE = new Share(1, 0);

    public Share {
      if (!(fraction > 0 && fraction <= 1)) {
        throw new IllegalArgumentException("the quota share must be in (0, 1], not " + fraction);
      }
      if (slot < 0 || slot >= owners(fraction)) {
        throw new IllegalArgumentException("the quota slot must be in [0, " + owners(fraction) + ") for a share of "
            + fraction + ", not " + slot);
      }
    }

    int owners() {
      return owners(fraction);
    }

    private static int owners(double fraction) {
      return (int) Math.round(1 / fraction);
    }
  }

  /** Waits for a while of the pacing's clock. */
  @FunctionalInterface
  public interface Sleeper {
    Sleeper REAL_TIME = onClock -> Thread.sleep(Math.max(1, onClock.toMillis()));

    void sleep(Duration onClock) throws InterruptedException;
  }

  /** How much of a quota was used while resources waited for it (1: all of this deployment's share). */
  public record QuotaUse(String region, Quota quota, double waitedSeconds, long callsWhileWaiting, double utilization) {}

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

  /** The resource the calls of this thread are made for (a dependent's pass runs on one thread). */
  private static final ThreadLocal<String> HOLDER = new ThreadLocal<>();

  private final Map<String, Quota> quotas = new ConcurrentHashMap<>();
  private final Map<String, PacedQuota> paced = new ConcurrentHashMap<>();
  private final Map<String, Map<Quota, Integer>> callsByResource = new ConcurrentHashMap<>();
  private final Share share;
  private final Clock clock;
  private final Sleeper sleeper;

  public AwsPacing(List<Quota> quotas, double share, Clock clock) {
    this(quotas, new Share(share, 0), clock, Sleeper.REAL_TIME);
  }

  /** {@code sleeper} waits on {@code clock}, for a call that waits for its turn inside its pass. */
  public AwsPacing(List<Quota> quotas, Share share, Clock clock, Sleeper sleeper) {
    for (Quota quota : quotas) {
      this.quotas.put(quota.name(), new Quota(quota.service(), quota.operation(),
          quota.perSecond() * share.fraction(), Math.max(1, quota.burst() * share.fraction())));
    }
    this.share = share;
    this.clock = clock;
    this.sleeper = sleeper;
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
   * Runs {@code pass} with its calls made for {@code holder} (such as {@code namespace/name dependent}):
   * held-back calls wait their turn, and the calls an {@link #admit} set aside for the pass and it did
   * not use go back when it ends.
   */
  public <T> T onBehalfOf(String holder, Supplier<T> pass) {
    String outer = HOLDER.get();
    HOLDER.set(holder);
    try {
      return pass.get();
    } finally {
      HOLDER.set(outer);
      paced.values().forEach(quota -> quota.giveBack(holder, clock.millis()));
    }
  }

  /**
   * For a resource ({@code namespace/name}) whose passes wait for quotas: empty when none waits or one's
   * turn has come (the reconcile should run), else how long until the first turn (it need not: nothing
   * it would read can be acted on before then).
   */
  public Optional<Duration> turnOf(String resource) {
    long now = clock.millis();
    Optional<Long> first = Optional.empty();
    for (PacedQuota quota : paced.values()) {
      if (!quota.holds(resource)) {
        continue;
      }
      Optional<Long> turn = quota.turnOf(holder -> PacedQuota.resource(holder).equals(resource), now);
      if (turn.isPresent() && turn.get() == 0) {
        return Optional.empty();
      }
      first = turn.isEmpty() ? first : Optional.of(Math.min(turn.get(), first.orElse(Long.MAX_VALUE)));
    }
    return first.map(Duration::ofMillis);
  }

  /** The reads (Get, Describe, List) sent for {@code resource} ({@code namespace/name}) since last asked, by quota. */
  public Map<Quota, Integer> callsOf(String resource) {
    Map<Quota, Integer> calls = callsByResource.remove(resource);
    return calls == null ? Map.of() : Map.copyOf(calls);
  }

  /** The use of every quota called so far, while resources waited for it. */
  public List<QuotaUse> use() {
    long now = clock.millis();
    return paced.values().stream().map(quota -> quota.use(now)).toList();
  }

  @Override
  public void before(AwsService<?> service, String region, String operation) {
    take(region, service, operation);
  }

  /**
   * Admits a pass of {@code calls} calls to a service only when its service-wide quota has room for all
   * of them now, else throws {@link QuotaWaitException} before any is sent: a pass that ran out of
   * tokens halfway would have spent them for nothing (or left a change half made), and many such passes
   * starve each other. Within {@link #onBehalfOf} the calls are set aside for the pass at once.
   */
  public void admit(String region, AwsService<?> service, int calls) {
    Quota quota = quotas.get(service.name() + ":*");
    if (quota == null) {
      return;
    }
    long waitMillis = quota(region, quota).admit(HOLDER.get(), calls, clock.millis()).waitMillis();
    if (waitMillis > 0) {
      throw held("waiting for the " + service + " control-plane quota (" + quota.describe() + " in " + region
          + ") to have room for " + calls + " calls", waitMillis);
    }
  }

  /**
   * Goes on only when a call of {@code operation} could be sent now, without sending it, else throws
   * {@link QuotaWaitException} with the call's turn kept: for a pass whose earlier calls are only worth
   * making if this one follows (an import is only worth making when its deployment can follow).
   */
  public void expect(String region, AwsService<?> service, String operation) {
    Quota quota = quotas.get(service.name() + ":" + operation);
    if (quota == null) {
      return;
    }
    long waitMillis = quota(region, quota).expect(HOLDER.get(), clock.millis()).waitMillis();
    if (waitMillis > 0) {
      throw held("waiting for the " + service + " " + operation + " quota (" + quota.describe() + " in " + region
          + ")", waitMillis);
    }
  }

  /** Takes room for one call, or throws {@link QuotaWaitException} without sending it. */
  public void take(String region, AwsService<?> service, String operation) {
    Quota quota = quotas.get(service.name() + ":" + operation);
    if (quota == null) {
      quota = quotas.get(service.name() + ":*");
    }
    if (quota == null) {
      return;
    }
    PacedQuota pacedQuota = quota(region, quota);
    PacedQuota.Turn turn = pacedQuota.take(HOLDER.get(), clock.millis());
    while (turn.waitMillis() > 0 && turn.next() && turn.waitMillis() <= pacedQuota.lead() && sleep(turn.waitMillis())) {
      turn = pacedQuota.take(HOLDER.get(), clock.millis());
    }
    if (turn.waitMillis() == 0 && HOLDER.get() != null && isRead(operation)) {
      callsByResource.computeIfAbsent(PacedQuota.resource(HOLDER.get()), r -> new ConcurrentHashMap<>())
          .merge(quota, 1, Integer::sum);
    }
    if (turn.waitMillis() > 0) {
      String which = quota.operation().equals("*") ? "control-plane" : operation;
      throw held("waiting for the " + service + " " + which + " quota (" + quota.describe() + " in " + region + ")",
          turn.waitMillis());
    }
  }

  /**
   * The message names the quota, not the wait: it becomes the Progressing condition, and a number of
   * seconds in it would make every wake-up of a thousand waiting resources a status write.
   */
  private static QuotaWaitException held(String message, long waitMillis) {
    return new QuotaWaitException(message, Duration.ofMillis(waitMillis));
  }

  private static boolean isRead(String operation) {
    return operation.startsWith("Get") || operation.startsWith("Describe") || operation.startsWith("List");
  }

  /** False when interrupted: the call is then held back as usual. */
  private boolean sleep(long millis) {
    try {
      sleeper.sleep(Duration.ofMillis(millis));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The paced quota in a region, shared by every resource. */
  private PacedQuota quota(String region, Quota quota) {
    String key = region + ":" + quota.name();
    return paced.computeIfAbsent(key, k -> {
      boolean slotted = share.fraction() < 1 && quota.burst() <= 1;
      QuotaSupply supply = slotted
          ? new QuotaSupply.Slots(quota.perSecond() / share.fraction(), share.owners(), share.slot())
          : new QuotaSupply.Tokens(quota.perSecond(), quota.burst(), clock.millis());
      return new PacedQuota(region, quota, supply, clock.millis());
    });
  }
}
