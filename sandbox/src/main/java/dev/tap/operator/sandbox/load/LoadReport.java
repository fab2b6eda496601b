package dev.tap.operator.sandbox.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one load run saw: every request's outcome (its cause when it failed), latency and the version
 * that served it. Thread-safe; {@link #summary()} is the figures the load command prints.
 */
public final class LoadReport {

  /** A summary as {@code load --json} prints it. */
  public record Summary(long requests, long failed, Map<String, Long> failedByCause, Map<String, Long> latencyMs,
      Map<String, Long> byVersion) {}

  private final List<Long> latenciesMicros = new ArrayList<>();
  private final Map<String, Long> failedByCause = new TreeMap<>();
  private final Map<String, Long> byVersion = new TreeMap<>();
  private long requests;

  synchronized void served(int status, long micros, String version) {
    requests++;
    latenciesMicros.add(micros);
    byVersion.merge(version == null ? "unknown" : version, 1L, Long::sum);
    if (status >= 400) {
      failedByCause.merge("HTTP " + status, 1L, Long::sum);
    }
  }

  /** No answer: {@code cause} is {@code timeout} or {@code connection}. */
  synchronized void failed(String cause, long micros) {
    requests++;
    latenciesMicros.add(micros);
    failedByCause.merge(cause, 1L, Long::sum);
  }

  synchronized Summary summary() {
    List<Long> sorted = new ArrayList<>(latenciesMicros);
    Collections.sort(sorted);
    Map<String, Long> latency = new TreeMap<>();
    latency.put("p50", percentile(sorted, 50));
    latency.put("p99", percentile(sorted, 99));
    latency.put("max", sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1000);
    long failed = failedByCause.values().stream().mapToLong(Long::longValue).sum();
    return new Summary(requests, failed, new TreeMap<>(failedByCause), latency, new TreeMap<>(byVersion));
  }

  /** The nearest-rank percentile, in milliseconds. */
  private static long percentile(List<Long> sorted, int percent) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1)) / 1000;
  }
}
