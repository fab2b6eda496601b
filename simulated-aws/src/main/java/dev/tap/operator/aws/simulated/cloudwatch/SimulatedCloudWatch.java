package dev.tap.operator.aws.simulated.cloudwatch;

import dev.tap.operator.aws.simulated.AwsErrors;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.aws.simulated.SimulatedClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
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
