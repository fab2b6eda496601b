package dev.tap.operator.aws.simulated.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** Metrics published to the simulated CloudWatch, read back as the API reads them, and alarms evaluated on them. */
class MetricsAndEvaluationTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final MetricStore.Series ERRORS = new MetricStore.Series("AWS/Lambda", "Errors",
      Map.of("FunctionName", "tap-api-prod", "Resource", "tap-api-prod:prod"));

  private final MovableClock clock = new MovableClock(T0);
  private SimulatedCloudWatch cloudWatch;

  @BeforeEach
  void account() {
    cloudWatch = new SimulatedAws(clock, Duration.ofSeconds(1)).cloudWatch("us-east-1");
  }

  private void errors(Instant at, int count, int failed) {
    for (int i = 0; i < count; i++) {
      cloudWatch.state().metrics().put(ERRORS, at.plusMillis(i), i < failed ? 1 : 0);
    }
  }

  private PutMetricAlarmRequest.Builder alarm(String treatMissingData, Integer datapointsToAlarm) {
    return PutMetricAlarmRequest.builder().alarmName("errors").namespace("AWS/Lambda").metricName("Errors")
        .dimensions(d -> d.name("FunctionName").value("tap-api-prod"), d -> d.name("Resource").value("tap-api-prod:prod"))
        .statistic("Sum").period(60).evaluationPeriods(2).datapointsToAlarm(datapointsToAlarm).threshold(5.0)
        .comparisonOperator("GreaterThanOrEqualToThreshold").treatMissingData(treatMissingData);
  }

  private MetricAlarm evaluated(Instant at) {
    cloudWatch.state().evaluateAlarms(at);
    return cloudWatch.describeAlarms(r -> r.alarmNames("errors")).metricAlarms().get(0);
  }

  @Test
  void get_metric_statistics_and_get_metric_data_read_each_period_that_has_values() {
    errors(T0, 10, 3);
    errors(T0.plusSeconds(120), 4, 4);

    var statistics = cloudWatch.getMetricStatistics(r -> r.namespace("AWS/Lambda").metricName("Errors")
        .dimensions(d -> d.name("FunctionName").value("tap-api-prod"), d -> d.name("Resource").value("tap-api-prod:prod"))
        .startTime(T0).endTime(T0.plusSeconds(180)).period(60).statistics(Statistic.SUM, Statistic.SAMPLE_COUNT)
        .extendedStatistics("p99")).datapoints();
    assertThat(statistics).hasSize(2);
    assertThat(statistics.get(0).sum()).isEqualTo(3.0);
    assertThat(statistics.get(0).sampleCount()).isEqualTo(10.0);
    assertThat(statistics.get(0).extendedStatistics()).containsEntry("p99", 1.0);

    var data = cloudWatch.getMetricData(r -> r.startTime(T0).endTime(T0.plusSeconds(180)).metricDataQueries(
        MetricDataQuery.builder().id("e").returnData(false).metricStat(s -> s.stat("Sum").period(60).metric(m -> m
            .namespace("AWS/Lambda").metricName("Errors").dimensions(d -> d.name("FunctionName").value("tap-api-prod"),
                d -> d.name("Resource").value("tap-api-prod:prod")))).build(),
        MetricDataQuery.builder().id("twice").expression("e + e").build())).metricDataResults();
    assertThat(data).singleElement().satisfies(result -> {
      assertThat(result.id()).isEqualTo("twice");
      assertThat(result.timestamps()).containsExactly(T0.plusSeconds(120), T0);
      assertThat(result.values()).containsExactly(8.0, 6.0);
    });
  }

  @Test
  void an_alarm_fires_once_enough_periods_breach_and_says_so_as_cloudwatch_does() {
    cloudWatch.putMetricAlarm(alarm("notBreaching", null).build());
    errors(T0, 20, 6);
    assertThat(evaluated(T0.plusSeconds(60)).stateValue()).as("one breaching period of two").isEqualTo(StateValue.OK);

    errors(T0.plusSeconds(60), 20, 5);
    MetricAlarm fired = evaluated(T0.plusSeconds(120));

    assertThat(fired.stateValue()).isEqualTo(StateValue.ALARM);
    assertThat(fired.stateReason()).isEqualTo("Threshold Crossed: 2 out of the last 2 datapoints [5.0 (01/01/26"
        + " 00:01:00), 6.0 (01/01/26 00:00:00)] were greater than or equal to the threshold (5.0) (minimum 2"
        + " datapoints for OK -> ALARM transition).");
    assertThat(fired.stateUpdatedTimestamp()).isEqualTo(T0.plusSeconds(120));
  }

  @Test
  void missing_data_is_treated_as_declared() {
    cloudWatch.putMetricAlarm(alarm("notBreaching", null).build());
    MetricAlarm quiet = evaluated(T0.plusSeconds(600));
    assertThat(quiet.stateValue()).isEqualTo(StateValue.OK);
    assertThat(quiet.stateReason()).contains("2 missing datapoints were treated as [NonBreaching]");

    cloudWatch.putMetricAlarm(alarm("breaching", 1).build());
    assertThat(evaluated(T0.plusSeconds(660)).stateValue()).isEqualTo(StateValue.ALARM);

    cloudWatch.putMetricAlarm(alarm("missing", null).build());
    assertThat(evaluated(T0.plusSeconds(720)).stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);

    cloudWatch.putMetricAlarm(alarm("ignore", null).build());
    assertThat(evaluated(T0.plusSeconds(780)).stateValue()).as("kept").isEqualTo(StateValue.INSUFFICIENT_DATA);
  }

  @Test
  void a_state_set_by_hand_holds_until_the_next_evaluation() {
    cloudWatch.putMetricAlarm(alarm("notBreaching", null).build());
    cloudWatch.setAlarmState(r -> r.alarmName("errors").stateValue(StateValue.ALARM).stateReason("by hand"));
    assertThat(cloudWatch.describeAlarms(r -> r.alarmNames("errors")).metricAlarms().get(0).stateValue())
        .isEqualTo(StateValue.ALARM);

    assertThat(evaluated(T0.plusSeconds(60)).stateValue()).isEqualTo(StateValue.OK);
  }

  @Test
  void metric_math_alarms_sum_their_queries() {
    List<MetricDataQuery> queries = List.of(
        MetricDataQuery.builder().id("reads").returnData(false).metricStat(s -> s.stat("Sum").period(60)
            .metric(m -> m.namespace("AWS/DynamoDB").metricName("ReadThrottleEvents")
                .dimensions(d -> d.name("TableName").value("t")))).build(),
        MetricDataQuery.builder().id("writes").returnData(false).metricStat(s -> s.stat("Sum").period(60)
            .metric(m -> m.namespace("AWS/DynamoDB").metricName("WriteThrottleEvents")
                .dimensions(d -> d.name("TableName").value("t")))).build(),
        MetricDataQuery.builder().id("throttles").expression("reads + writes").returnData(true).build());
    cloudWatch.putMetricAlarm(r -> r.alarmName("errors").metrics(queries).evaluationPeriods(1).threshold(3.0)
        .comparisonOperator("GreaterThanOrEqualToThreshold").treatMissingData("notBreaching"));
    cloudWatch.state().metrics().put(new MetricStore.Series("AWS/DynamoDB", "ReadThrottleEvents", Map.of("TableName", "t")),
        T0, 2);
    cloudWatch.state().metrics().put(new MetricStore.Series("AWS/DynamoDB", "WriteThrottleEvents", Map.of("TableName", "t")),
        T0, 1);

    assertThat(evaluated(T0.plusSeconds(60)).stateValue()).isEqualTo(StateValue.ALARM);
  }
}
