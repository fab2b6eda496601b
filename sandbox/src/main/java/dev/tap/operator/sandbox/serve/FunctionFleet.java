package dev.tap.operator.sandbox.serve;

import dev.tap.operator.sandbox.lambda.ExecutionEnvironment;
import dev.tap.operator.sandbox.lambda.FunctionConfig;
import dev.tap.operator.sandbox.lambda.InvocationResult;
import dev.tap.operator.sandbox.lambda.RoleCredentials;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The execution environments of every published version the stages invoke: per version, an idle one
 * is reused (warm), else a new one starts (cold), one invocation at a time each. Lambda would scale
 * out without bound; this machine cannot, so each version has at most {@code maxPerVersion}
 * environments and a request finding all busy waits for one, up to API Gateway's integration timeout.
 */
public final class FunctionFleet implements AutoCloseable {

  /** A published version of a function in a region. */
  public record VersionKey(String region, String function, String version) {}

  /** What a version's environments did, as GET /sandbox/v1/aws lists it. */
  public record VersionCounts(String region, String function, String version, long invocations, long errors,
      long timeouts, int coldStarts, int environments) {}

  private static final class Pool {
    final Semaphore free;
    final ConcurrentLinkedDeque<ExecutionEnvironment> idle = new ConcurrentLinkedDeque<>();
    final List<ExecutionEnvironment> all = new ArrayList<>();
    final AtomicLong invocations = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong timeouts = new AtomicLong();
    /** Cold starts of environments retired since. */
    final AtomicLong retiredColdStarts = new AtomicLong();

    Pool(int size) {
      free = new Semaphore(size, true);
    }
  }

  private final int maxPerVersion;
  private final Duration waitLimit;
  private final RoleCredentials credentials;
  private final LambdaFaults faults;
  private final Map<VersionKey, Pool> pools = new ConcurrentHashMap<>();

  public FunctionFleet(int maxPerVersion, Duration waitLimit, RoleCredentials credentials, LambdaFaults faults) {
    this.maxPerVersion = maxPerVersion;
    this.faults = faults;
    this.waitLimit = waitLimit;
    this.credentials = credentials;
  }

  /**
   * Runs {@code event} in an environment of the version {@code config} describes; empty when none was
   * free within the wait limit.
   */
  public Optional<InvocationResult> invoke(VersionKey key, FunctionConfig config, Duration timeout, String event)
      throws IOException, InterruptedException {
    Pool pool = pools.computeIfAbsent(key, k -> new Pool(maxPerVersion));
    if (!pool.free.tryAcquire(waitLimit.toMillis(), TimeUnit.MILLISECONDS)) {
      return Optional.empty();
    }
    try {
      ExecutionEnvironment environment = pool.idle.pollFirst();
      if (environment == null) {
        environment = new ExecutionEnvironment(config, credentials);
        synchronized (pool.all) {
          pool.all.add(environment);
        }
      }
      try {
        InvocationResult result = injected(key).orElse(null);
        if (result == null) {
          result = environment.invoke(event, timeout);
        }
        pool.invocations.incrementAndGet();
        if (result.failed()) {
          pool.errors.incrementAndGet();
        }
        if (result.timedOut()) {
          pool.timeouts.incrementAndGet();
        }
        return Optional.of(result);
      } finally {
        // most recently used first: Lambda keeps the busiest environments warm
        pool.idle.addFirst(environment);
      }
    } finally {
      pool.free.release();
    }
  }

  /**
   * The version's faults, as FIS's Lambda extension applies them inside the environment: the delay
   * first, then maybe an error instead of the function's own answer.
   */
  private Optional<InvocationResult> injected(VersionKey key) throws InterruptedException {
    Optional<LambdaFaults.Fault> fault = faults.of(key.function(), key.version());
    if (fault.isEmpty()) {
      return Optional.empty();
    }
    Thread.sleep(fault.get().addedLatencyMs());
    if (ThreadLocalRandom.current().nextDouble() * 100 >= fault.get().errorPercent()) {
      return Optional.empty();
    }
    return Optional.of(new InvocationResult("{\"errorType\":\"FaultInjectionError\",\"errorMessage\":"
        + "\"an invocation error injected into version " + key.version() + "\"}", "FaultInjectionError"));
  }

  /**
   * Stops the idle environments of every version not in {@code routed}: no alias sends them requests any
   * more, and each holds a JVM. A busy one goes at a later call, once idle.
   */
  public void retireAllBut(Set<VersionKey> routed) {
    pools.forEach((key, pool) -> {
      if (routed.contains(key)) {
        return;
      }
      for (ExecutionEnvironment idle = pool.idle.pollFirst(); idle != null; idle = pool.idle.pollFirst()) {
        synchronized (pool.all) {
          pool.all.remove(idle);
        }
        pool.retiredColdStarts.addAndGet(idle.coldStarts());
        idle.close();
      }
    });
  }

  public List<VersionCounts> counts() {
    List<VersionCounts> counts = new ArrayList<>();
    pools.forEach((key, pool) -> {
      int coldStarts;
      int environments;
      synchronized (pool.all) {
        coldStarts = pool.all.stream().mapToInt(ExecutionEnvironment::coldStarts).sum()
            + (int) pool.retiredColdStarts.get();
        environments = pool.all.size();
      }
      counts.add(new VersionCounts(key.region(), key.function(), key.version(), pool.invocations.get(),
          pool.errors.get(), pool.timeouts.get(), coldStarts, environments));
    });
    counts.sort(Comparator.comparing(VersionCounts::function).thenComparing(VersionCounts::region)
        .thenComparing(c -> versionOrder(c.version())));
    return counts;
  }

  private static long versionOrder(String version) {
    return version.chars().allMatch(Character::isDigit) && !version.isEmpty() ? Long.parseLong(version) : Long.MAX_VALUE;
  }

  @Override
  public void close() {
    pools.values().forEach(pool -> {
      synchronized (pool.all) {
        pool.all.forEach(ExecutionEnvironment::close);
      }
    });
  }
}
