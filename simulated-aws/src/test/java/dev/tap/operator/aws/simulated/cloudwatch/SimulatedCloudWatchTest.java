package dev.tap.operator.aws.simulated.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** CloudWatch alarms' rules as the API reference states them. */
class SimulatedCloudWatchTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private SimulatedCloudWatch cloudWatch;

  @BeforeEach
  void account() {
    cloudWatch = new SimulatedAws(clock, Duration.ofSeconds(1)).cloudWatch("us-east-1");
  }

  private static PutMetricAlarmRequest.Builder alarm(String name, double threshold) {
    return PutMetricAlarmRequest.builder().alarmName(name).namespace("AWS/Lambda").metricName("Errors")
        .dimensions(d -> d.name("FunctionName").value("tap-api-prod")).statistic("Sum").period(60).evaluationPeriods(2)
        .threshold(threshold).comparisonOperator("GreaterThanOrEqualToThreshold").treatMissingData("notBreaching");
  }

  private MetricAlarm describe(String name) {
    return cloudWatch.describeAlarms(r -> r.alarmNames(name)).metricAlarms().get(0);
  }

  @Test
  void put_creates_insufficient_data_then_overwrites_the_configuration_keeping_state_and_creation_tags() {
    cloudWatch.putMetricAlarm(alarm("errors", 5).tags(t -> t.key("tap.dev/owner").value("prod/tap")).build());
    assertThat(describe("errors").stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);

    cloudWatch.setAlarmState(r -> r.alarmName("errors").stateValue(StateValue.ALARM).stateReason("test"));
    cloudWatch.putMetricAlarm(alarm("errors", 9).tags(t -> t.key("tap.dev/owner").value("someone/else")).build());

    MetricAlarm updated = describe("errors");
    assertThat(updated.threshold()).isEqualTo(9.0);
    assertThat(updated.stateValue()).isEqualTo(StateValue.ALARM);
    assertThat(cloudWatch.listTagsForResource(r -> r.resourceARN(updated.alarmArn())).tags())
        .singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("prod/tap"));
  }

  @Test
  void describe_and_delete_take_at_most_100_names_and_deleting_a_missing_alarm_is_not_found() {
    List<String> names = IntStream.rangeClosed(1, 101).mapToObj(i -> "a" + i).toList();

    assertThatThrownBy(() -> cloudWatch.describeAlarms(r -> r.alarmNames(names)))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
    assertThatThrownBy(() -> cloudWatch.deleteAlarms(r -> r.alarmNames("missing"))).isInstanceOf(ResourceNotFoundException.class);
    cloudWatch.putMetricAlarm(alarm("gone", 1).build());
    cloudWatch.deleteAlarms(r -> r.alarmNames("gone"));
    assertThat(cloudWatch.describeAlarms(r -> r.alarmNames("gone")).metricAlarms()).isEmpty();
  }

  @Test
  void periods_statistics_and_thresholds_follow_the_api_rules() {
    assertThatThrownBy(() -> cloudWatch.putMetricAlarm(alarm("p", 1).period(45).build()))
        .isInstanceOf(InvalidParameterValueException.class);
    assertThatThrownBy(() -> cloudWatch.putMetricAlarm(alarm("s", 1).extendedStatistic("p99").build()))
        .isInstanceOf(InvalidParameterCombinationException.class);
    assertThatThrownBy(() -> cloudWatch.putMetricAlarm(alarm("d", 1).datapointsToAlarm(3).build()))
        .isInstanceOf(InvalidParameterValueException.class);
    cloudWatch.putMetricAlarm(alarm("ok", 1).period(30).build());
    assertThat(cloudWatch.state().peekAlarms()).extracting(MetricAlarm::alarmName).containsExactly("ok");
  }
}
