package dev.tap.operator.alarms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/** The CloudWatch calls for one resource's alarms, and nothing else. */
final class AlarmsService {

  private final CloudWatchClient cloudWatch;

  AlarmsService(CloudWatchClient cloudWatch) {
    this.cloudWatch = cloudWatch;
  }

  /** One DescribeAlarms for all the names (at most 100 a call; a resource has four). */
  Map<String, MetricAlarm> describe(List<String> names) {
    Map<String, MetricAlarm> found = new LinkedHashMap<>();
    cloudWatch.describeAlarms(r -> r.alarmNames(names)).metricAlarms().forEach(a -> found.put(a.alarmName(), a));
    return found;
  }

  /** The owner tag of an alarm ("" when it has none): DescribeAlarms returns no tags. */
  String owner(String arn, String ownerTag) {
    return cloudWatch.listTagsForResource(r -> r.resourceARN(arn)).tags().stream().filter(t -> t.key().equals(ownerTag))
        .map(Tag::value).findFirst().orElse("");
  }

  void put(DesiredAlarm desired) {
    MetricAlarm a = desired.alarm();
    cloudWatch.putMetricAlarm(r -> r.alarmName(a.alarmName()).alarmDescription(a.alarmDescription())
        .actionsEnabled(a.actionsEnabled()).alarmActions(a.alarmActions()).namespace(a.namespace())
        .metricName(a.metricName()).dimensions(a.dimensions()).statistic(a.statistic())
        .extendedStatistic(a.extendedStatistic()).period(a.period())
        .evaluationPeriods(a.evaluationPeriods()).threshold(a.threshold()).comparisonOperator(a.comparisonOperator())
        .treatMissingData(a.treatMissingData()).metrics(a.hasMetrics() ? a.metrics() : null)
        .tags(desired.tags().entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
  }

  void tag(String arn, Map<String, String> tags) {
    cloudWatch.tagResource(r -> r.resourceARN(arn)
        .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
  }

  void delete(List<String> names) {
    cloudWatch.deleteAlarms(r -> r.alarmNames(names));
  }
}
