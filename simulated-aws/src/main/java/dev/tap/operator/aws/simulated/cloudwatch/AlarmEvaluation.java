package dev.tap.operator.aws.simulated.cloudwatch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * One evaluation of a metric alarm, as the CloudWatch user guide's "Evaluating an alarm" describes it:
 * the alarm's statistic over each of its last {@code EvaluationPeriods} complete periods; the alarm goes
 * to ALARM when at least {@code DatapointsToAlarm} of them breach the threshold, with missing periods
 * treated as {@code TreatMissingData} says (missing: INSUFFICIENT_DATA when all are missing;
 * notBreaching, breaching; ignore: the state stays). Metric math: the sum of the queries an expression
 * {@code a + b} names. Reasons worded as CloudWatch words them. Pure.
 */
final class AlarmEvaluation {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss").withZone(ZoneOffset.UTC);

  private AlarmEvaluation() {}

  /** The state the alarm should be in, with its reason; empty when it stays as it is. */
  record Verdict(StateValue state, String reason) {}

  /** A period's datapoint: its start, and its value when there was one. */
  private record Point(Instant start, OptionalDouble value) {}

  static Optional<Verdict> evaluate(MetricAlarm alarm, Instant now, MetricStore metrics) {
    if (words(alarm) == null) {
      // anomaly detection bands are not modelled: such an alarm keeps its state
      return Optional.empty();
    }
    int period = period(alarm);
    int periods = alarm.evaluationPeriods();
    int toAlarm = alarm.datapointsToAlarm() == null ? periods : alarm.datapointsToAlarm();
    long end = now.getEpochSecond() / period * period;
    List<Point> points = new ArrayList<>();
    for (int i = 1; i <= periods; i++) {
      Instant start = Instant.ofEpochSecond(end - (long) i * period);
      points.add(new Point(start, value(alarm, start, start.plusSeconds(period), metrics)));
    }
    String missing = alarm.treatMissingData() == null ? "missing" : alarm.treatMissingData();
    List<Point> present = points.stream().filter(p -> p.value().isPresent()).toList();
    int absent = periods - present.size();
    long breaching = present.stream().filter(p -> breaches(alarm, p.value().getAsDouble())).count()
        + (missing.equals("breaching") ? absent : 0);
    String comparison = words(alarm);
    if (breaching >= toAlarm) {
      return Optional.of(new Verdict(StateValue.ALARM, String.format(Locale.ROOT,
          "Threshold Crossed: %d out of the last %d datapoints %s %s %s the threshold (%s) (minimum %d datapoint%s for"
              + " OK -> ALARM transition).", breaching, periods, list(present), breaching == 1 ? "was" : "were",
          comparison, alarm.threshold(), toAlarm, toAlarm == 1 ? "" : "s")));
    }
    if (present.isEmpty()) {
      return switch (missing) {
        case "ignore" -> Optional.empty();
        case "notBreaching" -> Optional.of(new Verdict(StateValue.OK, "Threshold Crossed: no datapoints were received for "
            + periods + " period" + (periods == 1 ? "" : "s") + " and " + absent + " missing datapoint"
            + (absent == 1 ? " was" : "s were") + " treated as [NonBreaching]."));
        default -> Optional.of(new Verdict(StateValue.INSUFFICIENT_DATA, "Insufficient Data: " + absent + " datapoint"
            + (absent == 1 ? " was" : "s were") + " unknown."));
      };
    }
    return Optional.of(new Verdict(StateValue.OK, String.format(Locale.ROOT,
        "Threshold Crossed: %d datapoint%s %s %s not %s the threshold (%s).", present.size(),
        present.size() == 1 ? "" : "s", list(present), present.size() == 1 ? "was" : "were", comparison,
        alarm.threshold())));
  }

  private static OptionalDouble value(MetricAlarm alarm, Instant from, Instant to, MetricStore metrics) {
    if (!alarm.hasMetrics() || alarm.metrics().isEmpty()) {
      String statistic = alarm.statistic() != null ? alarm.statisticAsString() : alarm.extendedStatistic();
      return Statistics.of(statistic, metrics.values(MetricQueries.series(alarm.namespace(), alarm.metricName(),
          alarm.dimensions()), from, to));
    }
    Map<String, MetricDataQuery> byId = alarm.metrics().stream()
        .collect(Collectors.toMap(MetricDataQuery::id, q -> q));
    MetricDataQuery returned = alarm.metrics().stream().filter(q -> !Boolean.FALSE.equals(q.returnData()))
        .findFirst().orElseThrow();
    return MetricQueries.value(returned, byId, from, to, metrics);
  }

  static int period(MetricAlarm alarm) {
    if (alarm.hasMetrics() && !alarm.metrics().isEmpty()) {
      return MetricQueries.period(alarm.metrics());
    }
    return alarm.period();
  }

  private static boolean breaches(MetricAlarm alarm, double value) {
    double threshold = alarm.threshold();
    return switch (alarm.comparisonOperator()) {
      case GREATER_THAN_OR_EQUAL_TO_THRESHOLD -> value >= threshold;
      case GREATER_THAN_THRESHOLD -> value > threshold;
      case LESS_THAN_THRESHOLD -> value < threshold;
      case LESS_THAN_OR_EQUAL_TO_THRESHOLD -> value <= threshold;
      default -> false;
    };
  }

  private static String words(MetricAlarm alarm) {
    return switch (alarm.comparisonOperator()) {
      case GREATER_THAN_OR_EQUAL_TO_THRESHOLD -> "greater than or equal to";
      case GREATER_THAN_THRESHOLD -> "greater than";
      case LESS_THAN_THRESHOLD -> "less than";
      case LESS_THAN_OR_EQUAL_TO_THRESHOLD -> "less than or equal to";
      default -> null;
    };
  }

  private static String list(List<Point> points) {
    return points.stream().map(p -> p.value().getAsDouble() + " (" + WHEN.format(p.start()) + ")")
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
