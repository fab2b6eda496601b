package dev.tap.operator.aws.simulated.cloudwatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metrics of one region, as services publish them to CloudWatch: each datapoint a value at a time
 * in a series named by namespace, metric name and dimensions (a series is matched by all of its
 * dimensions, as CloudWatch matches them). Kept for {@link #RETENTION} of the newest datapoint's time.
 */
public final class MetricStore {

  /** Long enough for any alarm's evaluation range here; the sandbox's sessions are shorter than CloudWatch's 15 days. */
  static final Duration RETENTION = Duration.ofHours(6);

  /** A series: namespace, metric name and its dimensions. */
  public record Series(String namespace, String metricName, Map<String, String> dimensions) {
    public Series {
      dimensions = Map.copyOf(new TreeMap<>(dimensions));
    }
  }

  private record Datapoint(Instant at, double value) {}

  private final Map<Series, Deque<Datapoint>> series = new HashMap<>();

  public synchronized void put(Series name, Instant at, double value) {
    Deque<Datapoint> points = series.computeIfAbsent(name, n -> new ArrayDeque<>());
    points.addLast(new Datapoint(at, value));
    Instant horizon = at.minus(RETENTION);
    while (!points.isEmpty() && points.peekFirst().at().isBefore(horizon)) {
      points.removeFirst();
    }
  }

  /** The values of {@code name} in [from, to). */
  public synchronized List<Double> values(Series name, Instant from, Instant to) {
    List<Double> values = new ArrayList<>();
    for (Datapoint point : series.getOrDefault(name, new ArrayDeque<>())) {
      if (!point.at().isBefore(from) && point.at().isBefore(to)) {
        values.add(point.value());
      }
    }
    return values;
  }

  /** Every series published so far, for ListMetrics. */
  public synchronized List<Series> series() {
    return List.copyOf(series.keySet());
  }
}
