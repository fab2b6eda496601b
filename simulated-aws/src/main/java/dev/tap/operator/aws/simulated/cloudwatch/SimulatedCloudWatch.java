package dev.tap.operator.aws.simulated.cloudwatch;

import dev.tap.operator.aws.simulated.AwsErrors;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.aws.simulated.SimulatedClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmResponse;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateResponse;
import software.amazon.awssdk.services.cloudwatch.model.Tag;
import software.amazon.awssdk.services.cloudwatch.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.TagResourceResponse;
import software.amazon.awssdk.services.cloudwatch.model.UntagResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.UntagResourceResponse;

/** The SDK's {@link CloudWatchClient} over {@link CloudWatchState}: requests in, responses out, paginated as the API pages. */
public final class SimulatedCloudWatch extends SimulatedClient<CloudWatchState> implements CloudWatchClient {

  /** DescribeAlarms MaxRecords: 1 to 100, default 50. */
  private static final int DEFAULT_RECORDS = 50;
  private static final int MAX_RECORDS = 100;
  /** GetMetricData MetricDataQueries: "Maximum number of 500 items." */
  private static final int MAX_QUERIES = 500;

  public SimulatedCloudWatch(SimulatedAws aws, String region) {
    super(aws, SimulatedAws.CLOUDWATCH, new CloudWatchState(region, aws));
  }

  @Override
  public PutMetricAlarmResponse putMetricAlarm(PutMetricAlarmRequest request) {
    enter("PutMetricAlarm");
    MetricAlarm alarm = MetricAlarm.builder().alarmName(request.alarmName()).alarmDescription(request.alarmDescription())
        .actionsEnabled(request.actionsEnabled() == null || request.actionsEnabled()).alarmActions(request.alarmActions())
        .okActions(request.okActions()).insufficientDataActions(request.insufficientDataActions())
        .namespace(request.namespace()).metricName(request.metricName()).dimensions(request.dimensions())
        .statistic(request.statistic()).extendedStatistic(request.extendedStatistic()).period(request.period())
        .evaluationPeriods(request.evaluationPeriods()).datapointsToAlarm(request.datapointsToAlarm())
        .threshold(request.threshold()).comparisonOperator(request.comparisonOperator()).unit(request.unit())
        .treatMissingData(request.treatMissingData()).metrics(request.metrics()).build();
    state().put(alarm, tags(request.tags()));
    return PutMetricAlarmResponse.builder().build();
  }

  @Override
  public DescribeAlarmsResponse describeAlarms(DescribeAlarmsRequest request) {
    enter("DescribeAlarms");
    int size = request.maxRecords() == null ? DEFAULT_RECORDS : request.maxRecords();
    if (size < 1 || size > MAX_RECORDS) {
      throw AwsErrors.build(InvalidParameterValueException.builder(), serviceName(), "InvalidParameterValue", 400,
          "MaxRecords must be between 1 and " + MAX_RECORDS);
    }
    List<MetricAlarm> all = state().describe(request.alarmNames());
    int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
    int to = Math.min(all.size(), from + size);
    return DescribeAlarmsResponse.builder().metricAlarms(all.subList(Math.min(from, to), to))
        .nextToken(to < all.size() ? Integer.toString(to) : null).build();
  }

  /** GetMetricStatistics: each period of [StartTime, EndTime) that has values, with the statistics asked for. */
  @Override
  public GetMetricStatisticsResponse getMetricStatistics(GetMetricStatisticsRequest request) {
    enter("GetMetricStatistics");
    List<String> statistics = new ArrayList<>(request.statisticsAsStrings());
    statistics.addAll(request.extendedStatistics());
    if (statistics.isEmpty() || !statistics.stream().allMatch(Statistics::known) || request.period() == null
        || request.period() < 1) {
      throw AwsErrors.build(InvalidParameterValueException.builder(), serviceName(), "InvalidParameterValue", 400,
          "Statistics or ExtendedStatistics and a positive Period are required; statistics are SampleCount, Average,"
              + " Sum, Minimum, Maximum or pNN.NN");
    }
    MetricStore.Series series = MetricQueries.series(request.namespace(), request.metricName(), request.dimensions());
    List<Datapoint> datapoints = new ArrayList<>();
    for (Instant at = request.startTime(); at.isBefore(request.endTime()); at = at.plusSeconds(request.period())) {
      List<Double> values = state().metrics().values(series, at, at.plusSeconds(request.period()));
      if (values.isEmpty()) {
        continue;
      }
      Datapoint.Builder point = Datapoint.builder().timestamp(at);
      Map<String, Double> extended = new LinkedHashMap<>();
      for (String statistic : statistics) {
        double value = Statistics.of(statistic, values).orElseThrow();
        switch (statistic) {
          case "SampleCount" -> point.sampleCount(value);
          case "Sum" -> point.sum(value);
          case "Average" -> point.average(value);
          case "Minimum" -> point.minimum(value);
          case "Maximum" -> point.maximum(value);
          default -> extended.put(statistic, value);
        }
      }
      datapoints.add(point.extendedStatistics(extended.isEmpty() ? null : extended).build());
    }
    return GetMetricStatisticsResponse.builder().label(request.metricName()).datapoints(datapoints).build();
  }

  /** GetMetricData: MetricStat queries and metric math over them, newest datapoint first. */
  @Override
  public GetMetricDataResponse getMetricData(GetMetricDataRequest request) {
    enter("GetMetricData");
    if (!request.hasMetricDataQueries() || request.metricDataQueries().isEmpty()
        || request.metricDataQueries().size() > MAX_QUERIES) {
      throw AwsErrors.build(InvalidParameterValueException.builder(), serviceName(), "InvalidParameterValue", 400,
          "MetricDataQueries must hold 1 to " + MAX_QUERIES + " queries");
    }
    return GetMetricDataResponse.builder().metricDataResults(MetricQueries.results(request.metricDataQueries(),
        request.startTime(), request.endTime(), state().metrics())).build();
  }

  @Override
  public DeleteAlarmsResponse deleteAlarms(DeleteAlarmsRequest request) {
    enter("DeleteAlarms");
    state().delete(request.alarmNames());
    return DeleteAlarmsResponse.builder().build();
  }

  @Override
  public SetAlarmStateResponse setAlarmState(SetAlarmStateRequest request) {
    enter("SetAlarmState");
    state().setState(request.alarmName(), request.stateValue(), request.stateReason());
    return SetAlarmStateResponse.builder().build();
  }

  @Override
  public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
    enter("ListTagsForResource");
    List<Tag> tags = state().tags(request.resourceARN()).entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    return ListTagsForResourceResponse.builder().tags(tags).build();
  }

  @Override
  public TagResourceResponse tagResource(TagResourceRequest request) {
    enter("TagResource");
    state().tag(request.resourceARN(), tags(request.tags()));
    return TagResourceResponse.builder().build();
  }

  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest request) {
    enter("UntagResource");
    state().untag(request.resourceARN(), request.tagKeys());
    return UntagResourceResponse.builder().build();
  }

  private static Map<String, String> tags(List<Tag> tags) {
    Map<String, String> map = new LinkedHashMap<>();
    tags.forEach(t -> map.put(t.key(), t.value()));
    return map;
  }
}
