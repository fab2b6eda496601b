package dev.tap.operator.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Reads that every resource's reconcile would otherwise repeat, made once for all of them. What AWS
 * never changes (a deployment's description: deployments are immutable) is kept while it is still
 * asked for. What only a human changes, account-wide (API Gateway's CloudWatch role), is kept for
 * {@code keptFor} once found, so that 1 000 converged resources read it once per region and resync,
 * not once each; until found it is read at every reconcile that needs it, so a fix is seen at once.
 */
public final class SharedReads {

  /** Enough for the deployment each of a few thousand resources serves. */
  private static final int IMMUTABLE_KEPT = 4096;

  private final Clock clock;
  private final Duration keptFor;
  private final Map<String, Object> immutable = BoundedMaps.leastRecentlyUsed(IMMUTABLE_KEPT);
  private final Map<String, Instant> foundAt = new ConcurrentHashMap<>();

  public SharedReads(Clock clock, Duration keptFor) {
    this.clock = clock;
    this.keptFor = keptFor;
  }

  /** What {@code read} returns for {@code key}, read once: it must name something AWS never changes. */
  @SuppressWarnings("unchecked")
  public <T> T immutable(String key, Supplier<T> read) {
    Object known = immutable.get(key);
    if (known == null) {
      known = read.get();
      if (known != null) {
        immutable.put(key, known);
      }
    }
    return (T) known;
  }

  /** An account-wide condition, read again only once found true {@code keptFor} ago. */
  public boolean accountWide(String key, BooleanSupplier read) {
    Instant found = foundAt.get(key);
    if (found != null && !clock.instant().isAfter(found.plus(keptFor))) {
      return true;
    }
    boolean holds = read.getAsBoolean();
    if (holds) {
      foundAt.put(key, clock.instant());
    } else {
      foundAt.remove(key);
    }
    return holds;
  }
}
