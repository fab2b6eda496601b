package dev.tap.operator.aws.simulated.cloudwatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudWatch's statistics of a period's values: SampleCount, Sum, Average, Minimum, Maximum and
 * percentiles {@code pNN} / {@code pNN.NN}. A period without values has no datapoint.
 */
final class Statistics {

  private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,2}(?:\\.\\d{1,2})?|100)");

  private Statistics() {}

  static boolean known(String statistic) {
    return switch (statistic) {
      case "SampleCount", "Sum", "Average", "Minimum", "Maximum" -> true;
      default -> PERCENTILE.matcher(statistic).matches();
    };
  }

  static OptionalDouble of(String statistic, List<Double> values) {
    if (values.isEmpty()) {
      return OptionalDouble.empty();
    }
    return switch (statistic) {
      case "SampleCount" -> OptionalDouble.of(values.size());
      case "Sum" -> OptionalDouble.of(values.stream().mapToDouble(Double::doubleValue).sum());
      case "Average" -> values.stream().mapToDouble(Double::doubleValue).average();
      case "Minimum" -> values.stream().mapToDouble(Double::doubleValue).min();
      case "Maximum" -> values.stream().mapToDouble(Double::doubleValue).max();
      default -> percentile(statistic, values);
    };
  }

  /** The nearest-rank percentile. */
  private static OptionalDouble percentile(String statistic, List<Double> values) {
    Matcher matcher = PERCENTILE.matcher(statistic);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("unknown statistic " + statistic);
    }
    double percent = Double.parseDouble(matcher.group(1));
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return OptionalDouble.of(sorted.get(Math.max(0, rank - 1)));
  }
}
