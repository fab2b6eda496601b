package dev.tap.operator.alarms;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/** One alarm as the spec asks for it, in CloudWatch's own terms so it compares with what DescribeAlarms returns. */
public record DesiredAlarm(String name, MetricAlarm alarm, Map<String, String> tags) {

  boolean matches(MetricAlarm observed) {
    return observed != null && normalized(alarm).equals(normalized(observed));
  }

  /**
   * The fields the operator sets, and nothing CloudWatch adds (ARN, state, timestamps); empty lists as
   * absent and dimensions by name, so two descriptions of one alarm are equal.
   */
  static MetricAlarm normalized(MetricAlarm alarm) {
    return MetricAlarm.builder().alarmName(alarm.alarmName()).alarmDescription(alarm.alarmDescription())
        .actionsEnabled(alarm.actionsEnabled()).alarmActions(orNull(alarm.alarmActions()))
        .namespace(alarm.namespace()).metricName(alarm.metricName())
        .dimensions(orNull(alarm.dimensions().stream().sorted(Comparator.comparing(Dimension::name)).toList()))
        .statistic(alarm.statistic()).extendedStatistic(alarm.extendedStatistic()).period(alarm.period())
        .evaluationPeriods(alarm.evaluationPeriods())
        .threshold(alarm.threshold()).comparisonOperator(alarm.comparisonOperator())
        .treatMissingData(alarm.treatMissingData()).metrics(orNull(alarm.metrics()))
        .build();
  }

  private static <T> List<T> orNull(List<T> list) {
    return list == null || list.isEmpty() ? null : List.copyOf(list);
  }
}
