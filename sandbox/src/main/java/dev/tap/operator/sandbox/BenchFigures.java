package dev.tap.operator.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Locale;
import java.util.Map;

/**
 * What one run of the quota benchmark measured, in AWS time. The headline, {@code bottleneckUtilization},
 * is the share of the slowest quota's calls that went out while resources waited for it: 1 would be
 * every call the quota allowed (the pacing keeps 5 % of the rate as slack). It does not depend on how
 * many resources there are, only on whether the operator keeps up with the clock.
 */
public record BenchFigures(
    int resources,
    int operators,
    int speed,
    int ready,
    double timeToReadySeconds,
    double boundSeconds,
    String bottleneck,
    double bottleneckUtilization,
    int refusedCalls,
    Map<String, Long> refused,
    double callsPerResource,
    double callsToCreateOne,
    double operatorHeapMb,
    double readsPerResourceHour,
    double restSeconds,
    String busiestQuotaAtRest,
    double busiestQuotaUseAtRest,
    double resyncSeconds,
    Map<String, Long> limits,
    double wallSeconds) {

  public String json() {
    try {
      return new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the figures", e);
    }
  }

  public String text(String sample) {
    StringBuilder out = new StringBuilder();
    line(out, "resources", "%d, created at once (copies of %s)%s", resources, sample,
        operators > 1 ? ", split between " + operators + " operators with a 1/" + operators + " quota share each" : "");
    line(out, "ready", "%d of %d", ready, resources);
    line(out, "bottleneck", "%s used %.0f %% while resources waited for it (calls sent over calls it allowed)",
        bottleneck, 100 * bottleneckUtilization);
    line(out, "time to all Ready", "%.0f s of AWS time, %.2f x the quota bound of %.0f s (%.0f s wall, clock x%d)",
        timeToReadySeconds, timeToReadySeconds / boundSeconds, boundSeconds, wallSeconds, speed);
    line(out, "calls refused", "%d (over a quota)%s", refusedCalls, refused.isEmpty() ? "" : ": " + refused);
    line(out, "calls per resource", "%.1f to converge; %.1f to create one alone (%.2f x)", callsPerResource,
        callsToCreateOne, callsPerResource / callsToCreateOne);
    line(out, "at rest", "%.1f reads per resource-hour over %.0f s; busiest quota %s at %.0f %% (resync every %.0f s)",
        readsPerResourceHour, restSeconds, busiestQuotaAtRest, 100 * busiestQuotaUseAtRest, resyncSeconds);
    line(out, "operator heap", "%.0f MB (live heap after a full collection, operator running minus stopped,"
        + " AWS and Kubernetes in the same process)", operatorHeapMb);
    line(out, "account limits", "%s", limits);
    return out.toString();
  }

  private static void line(StringBuilder out, String label, String format, Object... args) {
    out.append(String.format(Locale.ROOT, "%-20s", label)).append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
