package dev.tap.operator.aws.simulated;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Every call the simulated AWS received, counted per service and operation ({@code dynamodb:UpdateTable}). */
public final class CallLog {

  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  /** Appended to on every writing call, read only when asked for: a copy-on-write list would copy it on every call. */
  private final Queue<String> writes = new ConcurrentLinkedQueue<>();

  void record(String service, String operation) {
    String key = service + ":" + operation;
    counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    if (!isRead(key)) {
      writes.add(key);
    }
  }

  /** The writing calls in the order they arrived, such as {@code cloudwatch:DeleteAlarms}. */
  public List<String> writesInOrder() {
    return List.copyOf(writes);
  }

  public long count(String service, String operation) {
    AtomicLong count = counts.get(service + ":" + operation);
    return count == null ? 0 : count.get();
  }

  /** Calls whose operation does not only read (anything but Describe*, List*, Get*). */
  public long writes() {
    return snapshot().entrySet().stream().filter(e -> !isRead(e.getKey())).mapToLong(Map.Entry::getValue).sum();
  }

  public long total() {
    return snapshot().values().stream().mapToLong(Long::longValue).sum();
  }

  public Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((key, count) -> copy.put(key, count.get()));
    return copy;
  }

  public void reset() {
    counts.clear();
    writes.clear();
  }

  static boolean isRead(String key) {
    String operation = key.substring(key.indexOf(':') + 1);
    return operation.startsWith("Describe") || operation.startsWith("List") || operation.startsWith("Get");
  }
}
