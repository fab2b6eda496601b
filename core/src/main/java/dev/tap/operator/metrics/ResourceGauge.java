package dev.tap.operator.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** A gauge of 1 for one value of each resource, tagged {@code resource} and {@code label}: a phase, a state. */
final class ResourceGauge {

  private final MultiGauge gauge;
  private final String label;
  private final Map<String, String> values = new ConcurrentHashMap<>();

  ResourceGauge(MeterRegistry registry, String name, String description, String label) {
    this.gauge = MultiGauge.builder(name).description(description).register(registry);
    this.label = label;
  }

  /**
   * The value of {@code resource} (namespace/name); null removes its row. Synchronized: reconciles of
   * several resources set values at once, and two registrations of the rows racing registered one row
   * twice (Micrometer warned "already registered" and kept a stale row).
   */
  synchronized void set(String resource, String value) {
    String before = value == null ? values.remove(resource) : values.put(resource, value);
    if (Objects.equals(before, value)) {
      // Called on every reconcile: the rows are rebuilt only when a value changes.
      return;
    }
    gauge.register(values.entrySet().stream().map(e -> MultiGauge.Row.of(Tags.of("resource", e.getKey(),
        label, e.getValue()), 1)).toList(), true);
  }
}
