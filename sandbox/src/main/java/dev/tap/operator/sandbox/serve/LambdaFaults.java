package dev.tap.operator.sandbox.serve;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults injected into a function version's invocations, as AWS Fault Injection Service's Lambda
 * actions inject them: a percentage that fail ({@code aws:lambda:invocation-error}) and latency added
 * before the function runs ({@code aws:lambda:invocation-add-delay}). A version may be named before it
 * is published; its faults apply from its first invocation.
 */
public final class LambdaFaults {

  /** A version's faults. */
  public record Fault(double errorPercent, long addedLatencyMs) {
    public Fault {
      if (errorPercent < 0 || errorPercent > 100 || addedLatencyMs < 0) {
        throw new IllegalArgumentException("errorPercent must be 0 to 100 and addedLatencyMs at least 0");
      }
    }
  }

  private final Map<String, Fault> byVersion = new ConcurrentHashMap<>();

  public void set(String function, String version, Fault fault) {
    byVersion.put(function + ":" + version, fault);
  }

  /** Whether there was a fault to clear. */
  public boolean clear(String function, String version) {
    return byVersion.remove(function + ":" + version) != null;
  }

  Optional<Fault> of(String function, String version) {
    return Optional.ofNullable(byVersion.get(function + ":" + version));
  }
}
