package dev.tap.operator.aws;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One quota in one region, as this deployment paces it: when calls may go ({@link QuotaSupply}) and
 * who waits for them, first come first served. A holder held back (a resource's dependent) is queued
 * and told when its turn comes, counting the calls of everyone ahead; until it comes back, a newcomer
 * cannot take the calls kept for those ahead of it, so each waiting resource is woken once, when its
 * call can go, instead of racing the others at every token. A holder that does not come back within
 * {@link #GRACE} of its turn stops holding the others up, but keeps its place ahead of them; one gone
 * for {@link #FORGOTTEN} (deleted, or it no longer needs the call) is forgotten. Also measures how much
 * of the quota was used while anyone waited.
 */
final class PacedQuota {

  static final Duration GRACE = Duration.ofSeconds(1);
  static final Duration FORGOTTEN = Duration.ofMinutes(10);

  /** How a call or pass fared: sent ({@code waitMillis} 0), or held back for that long, {@code next} when nobody is ahead. */
  record Turn(long waitMillis, boolean next) {}

  private static final class Waiter {
    final int calls;
    long expectedAt;

    Waiter(int calls, long expectedAt) {
      this.calls = calls;
      this.expectedAt = expectedAt;
    }
  }

  private final String region;
  private final AwsPacing.Quota quota;
  private final QuotaSupply supply;
  private final Map<String, Waiter> queue = new LinkedHashMap<>();
  private final Map<String, Integer> setAside = new HashMap<>();
  /**
   * Holders whose pass has had a call of this quota: their next calls go before those queued, or a pass
   * of several calls would be held back at its second, come back at its turn, and be held at its second
   * again.
   */
  private final Set<String> inPass = new HashSet<>();
  /** How many holders of each resource wait here: a resource's look at its turn skips the quotas it does not wait for. */
  private final Map<String, Integer> waitingResources = new HashMap<>();
  private long measuredTo;
  private long lastSentAt = Long.MIN_VALUE;
  private long waitingMillis;
  private long callsWhileWaiting;

  PacedQuota(String region, AwsPacing.Quota quota, QuotaSupply supply, long now) {
    this.region = region;
    this.quota = quota;
    this.supply = supply;
    this.measuredTo = now;
  }

  /** One call for {@code holder} (null: no queue), from what was set aside for it first. */
  synchronized Turn take(String holder, long now) {
    Integer kept = holder == null ? null : setAside.get(holder);
    if (kept != null) {
      if (kept > 1) {
        setAside.put(holder, kept - 1);
      } else {
        setAside.remove(holder);
      }
      supply.used(1);
      return new Turn(0, true);
    }
    return claim(holder, 1, now, Claim.SEND);
  }

  /** Room for a whole pass of {@code calls} calls, set aside for {@code holder} at once. */
  synchronized Turn admit(String holder, int calls, long now) {
    if (holder != null && setAside.getOrDefault(holder, 0) >= calls) {
      return new Turn(0, true);
    }
    return claim(holder, calls, now, holder == null ? Claim.CHECK : Claim.SET_ASIDE);
  }

  /** Whether one call for {@code holder} could go now (or within the lead, next in line); if not, it is queued. */
  synchronized Turn expect(String holder, long now) {
    Turn turn = claim(holder, 1, now, Claim.CHECK);
    return turn.next() && turn.waitMillis() <= supply.lead() ? new Turn(0, true) : turn;
  }

  /** The calls set aside for a pass that ended without using them. */
  synchronized void giveBack(String holder, long now) {
    inPass.remove(holder);
    Integer kept = setAside.remove(holder);
    if (kept != null) {
      supply.giveBack(kept, now);
    }
  }

  /**
   * For the holders {@code whose} queued here: empty when none is, 0 when one's turn has come (within
   * the supply's lead), else the time until the first turn. Counts as coming back: turns are kept.
   */
  synchronized Optional<Long> turnOf(Predicate<String> whose, long now) {
    measure(now);
    Optional<Long> first = Optional.empty();
    long ahead = 0;
    for (Map.Entry<String, Waiter> entry : queue.entrySet()) {
      Waiter waiter = entry.getValue();
      if (whose.test(entry.getKey())) {
        long wait = supply.until(ahead + waiter.calls, now);
        long comeBack = wait <= supply.lead() ? 0 : wait - supply.lead();
        waiter.expectedAt = now + comeBack;
        first = Optional.of(Math.min(comeBack, first.orElse(Long.MAX_VALUE)));
      }
      if (!lapsed(waiter, now)) {
        ahead += waiter.calls;
      }
    }
    return first;
  }

  /** While anyone waited: seconds waited, calls sent, and the share of the quota they used. */
  synchronized AwsPacing.QuotaUse use(long now) {
    measure(now);
    double seconds = waitingMillis / 1000.0;
    return new AwsPacing.QuotaUse(region, quota, seconds, callsWhileWaiting,
        seconds == 0 ? 0 : callsWhileWaiting / (seconds * quota.perSecond()));
  }

  /** What a claim that has room does: spend for a call sent now, set aside for a pass, or nothing (is there room?). */
  private enum Claim { SEND, SET_ASIDE, CHECK }

  private Turn claim(String holder, int calls, long now, Claim claim) {
    measure(now);
    long ahead = 0;
    for (Iterator<Map.Entry<String, Waiter>> it = inPass.contains(holder) ? Collections.emptyIterator()
        : queue.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Waiter> entry = it.next();
      if (entry.getKey().equals(holder)) {
        break;
      }
      if (now - entry.getValue().expectedAt > FORGOTTEN.toMillis()) {
        it.remove();
        left(entry.getKey());
      } else if (!lapsed(entry.getValue(), now)) {
        ahead += entry.getValue().calls;
      }
    }
    if (supply.available(now) - ahead >= calls) {
      if (claim == Claim.CHECK) {
        return new Turn(0, true);
      }
      if (waiting()) {
        callsWhileWaiting += calls;
      }
      if (queue.remove(holder) != null) {
        left(holder);
      }
      if (holder != null) {
        inPass.add(holder);
      }
      lastSentAt = now;
      if (claim == Claim.SET_ASIDE) {
        supply.setAside(calls, now);
        setAside.merge(holder, calls, Integer::sum);
      } else {
        supply.spend(calls, now);
      }
      return new Turn(0, true);
    }
    long wait = supply.until(ahead + calls, now);
    if (holder == null) {
      return new Turn(wait, ahead == 0);
    }
    long comeBack = wait <= supply.lead() ? wait : wait - supply.lead();
    if (!queue.containsKey(holder)) {
      if (queue.isEmpty()) {
        // The wait began with the call that left no room: count from it, so n calls a full interval apart
        // after it measure as a quota fully used.
        measuredTo = Math.max(lastSentAt, now - (long) (1000 / quota.perSecond()));
      }
      waitingResources.merge(resource(holder), 1, Integer::sum);
      Waiter waiter = new Waiter(calls, now);
      if (inPass.contains(holder)) {
        // A pass held back halfway comes back first: behind the others, its first calls were spent for nothing.
        Map<String, Waiter> behind = new LinkedHashMap<>(queue);
        queue.clear();
        queue.put(holder, waiter);
        queue.putAll(behind);
      } else {
        queue.put(holder, waiter);
      }
    }
    queue.get(holder).expectedAt = now + comeBack;
    return new Turn(ahead == 0 && wait <= supply.lead() ? wait : comeBack, ahead == 0);
  }

  /** Whether any holder of {@code resource} ({@code namespace/name}) waits here. */
  synchronized boolean holds(String resource) {
    return waitingResources.containsKey(resource);
  }

  private void left(String holder) {
    waitingResources.computeIfPresent(resource(holder), (resource, count) -> count > 1 ? count - 1 : null);
  }

  /** A holder is {@code namespace/name dependent}; its resource, the part before the space. */
  static String resource(String holder) {
    int space = holder.indexOf(' ');
    return space < 0 ? holder : holder.substring(0, space);
  }

  /** Late for its turn: no longer holds up those behind it. */
  private static boolean lapsed(Waiter waiter, long now) {
    return now - waiter.expectedAt > GRACE.toMillis();
  }

  /** Someone waits (or is late for its turn, until forgotten): the time counts as time the quota was awaited. */
  private boolean waiting() {
    return !queue.isEmpty();
  }

  private void measure(long now) {
    if (now > measuredTo && waiting()) {
      waitingMillis += now - measuredTo;
    }
    measuredTo = Math.max(measuredTo, now);
  }

  long lead() {
    return supply.lead();
  }
}
