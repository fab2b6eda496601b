package dev.tap.operator.aws.simulated.cloudwatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * Reads of a {@link MetricStore} as GetMetricData and the alarms ask for them: a MetricStat's statistic
 * per period, or metric math summing other queries ({@code a + b}, the form the operator's alarms use).
 * Periods without values have no datapoint. Pure.
 */
final class MetricQueries {

  private static final int DEFAULT_PERIOD = 60;

  private MetricQueries() {}

  static MetricStore.Series series(String namespace, String name, List<Dimension> dimensions) {
    return new MetricStore.Series(namespace, name, dimensions.stream()
        .collect(Collectors.toMap(Dimension::name, Dimension::value)));
  }

  /** The period of metric math: its first MetricStat's, as the alarms' queries share one. */
  static int period(List<MetricDataQuery> queries) {
    return queries.stream().filter(q -> q.metricStat() != null).map(q -> q.metricStat().period()).findFirst()
        .orElse(DEFAULT_PERIOD);
  }

  /** A query's value over [from, to). */
  static OptionalDouble value(MetricDataQuery query, Map<String, MetricDataQuery> byId, Instant from, Instant to,
      MetricStore metrics) {
    if (query.metricStat() != null) {
      var stat = query.metricStat();
      return Statistics.of(stat.stat(), metrics.values(series(stat.metric().namespace(), stat.metric().metricName(),
          stat.metric().dimensions()), from, to));
    }
    List<OptionalDouble> terms = Arrays.stream(query.expression().split("\\+")).map(String::trim)
        .map(id -> byId.containsKey(id) ? value(byId.get(id), byId, from, to, metrics) : OptionalDouble.empty())
        .toList();
    if (terms.stream().noneMatch(OptionalDouble::isPresent)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(terms.stream().filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).sum());
  }

  /** The queries that return data, each with its datapoints from the newest period back, as GetMetricData answers. */
  static List<MetricDataResult> results(List<MetricDataQuery> queries, Instant start, Instant end,
      MetricStore metrics) {
    Map<String, MetricDataQuery> byId = queries.stream().collect(Collectors.toMap(MetricDataQuery::id, q -> q));
    List<MetricDataResult> results = new ArrayList<>();
    for (MetricDataQuery query : queries) {
      if (Boolean.FALSE.equals(query.returnData())) {
        continue;
      }
      int period = query.metricStat() != null ? query.metricStat().period() : period(queries);
      List<Instant> timestamps = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      for (Instant at = start; at.isBefore(end); at = at.plusSeconds(period)) {
        OptionalDouble value = value(query, byId, at, at.plusSeconds(period), metrics);
        if (value.isPresent()) {
          timestamps.add(0, at);
          values.add(0, value.getAsDouble());
        }
      }
      results.add(MetricDataResult.builder().id(query.id()).label(query.label() != null ? query.label()
          : query.metricStat() != null ? query.metricStat().metric().metricName() : query.id())
          .timestamps(timestamps).values(values).statusCode(StatusCode.COMPLETE).build());
    }
    return results;
  }
}
