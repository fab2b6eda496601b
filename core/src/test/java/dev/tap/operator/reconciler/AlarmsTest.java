package dev.tap.operator.reconciler;

import static dev.tap.operator.OperatorHarness.PATIENCE;
import static dev.tap.operator.OperatorHarness.REGION;
import static dev.tap.operator.OperatorHarness.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.OperatorTest;
import dev.tap.operator.api.v1alpha1.AlarmSpec;
import dev.tap.operator.api.v1alpha1.AlarmStatus;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.simulated.cloudwatch.SimulatedCloudWatch;
import dev.tap.operator.status.Conditions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/** The resource's CloudWatch alarms on the simulated CloudWatch. */
@OperatorTest
class AlarmsTest {

  private OperatorHarness operator;

  private SimulatedCloudWatch cloudWatch() {
    return operator.aws.cloudWatch(REGION);
  }

  private Optional<MetricAlarm> alarm(String name) {
    return cloudWatch().state().peekAlarms().stream().filter(a -> a.alarmName().equals(name)).findFirst();
  }

  @Test
  void the_spec_alarms_are_created_with_their_metrics_actions_and_owner_and_show_in_status() {
    operator.create(sample("prod.yaml", "watched", a -> a));
    ServerlessApi api = operator.awaitCondition("watched", Conditions.READY, Conditions.TRUE);

    MetricAlarm lambdaErrors = alarm("watched-lambda-errors-prod").orElseThrow();
    assertThat(lambdaErrors.namespace()).isEqualTo("AWS/Lambda");
    assertThat(lambdaErrors.dimensions()).extracting(d -> d.name() + "=" + d.value())
        .containsExactlyInAnyOrder("FunctionName=watched-api-prod", "Resource=watched-api-prod:prod");
    assertThat(lambdaErrors.alarmActions()).containsExactly("arn:aws:sns:us-east-1:123456789012:tap-oncall");
    assertThat(lambdaErrors.treatMissingData()).isEqualTo("notBreaching");
    assertThat(alarm("watched-api-errors-prod").orElseThrow().dimensions()).extracting(d -> d.name() + "=" + d.value())
        .containsExactlyInAnyOrder("ApiName=watched-api-prod", "Stage=prod");
    assertThat(cloudWatch().listTagsForResource(r -> r.resourceARN(lambdaErrors.alarmArn())).tags())
        .anySatisfy(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("tap.dev/owner=default/watched"));
    assertThat(api.getStatus().getAlarms()).extracting(AlarmStatus::getName)
        .containsExactly("watched-api-errors-prod", "watched-lambda-errors-prod");
    assertThat(api.getStatus().getAlarms()).allSatisfy(a -> {
      assertThat(a.getState()).isEqualTo("INSUFFICIENT_DATA");
      assertThat(a.getOwned()).isTrue();
    });
  }

  @Test
  void alarms_are_written_only_when_they_differ_and_deleted_when_dropped_from_the_spec() {
    operator.create(sample("prod.yaml", "tuned", a -> a));
    operator.awaitCondition("tuned", Conditions.READY, Conditions.TRUE);
    operator.aws.calls().reset();

    operator.reconcileOnceMore("tuned");
    assertThat(operator.aws.calls().count("monitoring", "PutMetricAlarm")).isZero();
    assertThat(operator.aws.calls().count("monitoring", "ListTagsForResource")).as("ownership is recorded").isZero();

    operator.edit("tuned", a -> {
      a.getSpec().getAlarms().getLambdaErrors().setThreshold(9.0);
      return a;
    });
    await().atMost(PATIENCE).until(() -> alarm("tuned-lambda-errors-prod").map(MetricAlarm::threshold).orElse(0.0) == 9.0);
    operator.awaitCondition("tuned", Conditions.READY, Conditions.TRUE);
    assertThat(operator.aws.calls().count("monitoring", "PutMetricAlarm")).isEqualTo(1);

    operator.edit("tuned", a -> {
      a.getSpec().getAlarms().setApiServerErrors(null);
      return a;
    });
    await().atMost(PATIENCE).until(() -> alarm("tuned-api-errors-prod").isEmpty());
    assertThat(alarm("tuned-lambda-errors-prod")).isPresent();
  }

  @Test
  void a_same_named_alarm_of_someone_else_is_left_alone_and_the_resource_is_terminal() {
    cloudWatch().putMetricAlarm(r -> r.alarmName("taken-lambda-errors-dev").namespace("AWS/Lambda").metricName("Errors")
        .statistic("Sum").period(60).evaluationPeriods(1).threshold(1.0).comparisonOperator("GreaterThanThreshold"));

    operator.create(sample("dev.yaml", "taken", a -> a));
    ServerlessApi terminal = operator.awaitCondition("taken", Conditions.TERMINAL, Conditions.TRUE);

    assertThat(OperatorHarness.condition(terminal, Conditions.TERMINAL).orElseThrow().getReason()).isEqualTo("NotOwned");
    assertThat(alarm("taken-lambda-errors-dev").orElseThrow().threshold()).isEqualTo(1.0);
    assertThat(operator.aws.calls().count("monitoring", "PutMetricAlarm")).isEqualTo(1);
  }

  @Test
  void table_throttles_watch_read_plus_write_throttle_events_and_duration_watches_the_p99() {
    operator.create(sample("dev.yaml", "throttled", a -> {
      AlarmSpec throttles = new AlarmSpec();
      throttles.setThreshold(1.0);
      throttles.setEvaluationPeriods(1);
      throttles.setPeriodSeconds(60);
      a.getSpec().getAlarms().setTableThrottles(throttles);
      AlarmSpec duration = new AlarmSpec();
      duration.setThreshold(800.0);
      duration.setEvaluationPeriods(3);
      duration.setPeriodSeconds(60);
      a.getSpec().getAlarms().setLambdaDuration(duration);
      return a;
    }));
    operator.awaitCondition("throttled", Conditions.READY, Conditions.TRUE);

    MetricAlarm throttles = alarm("throttled-table-throttles-dev").orElseThrow();
    assertThat(throttles.metrics()).extracting(m -> m.id()).containsExactly("reads", "writes", "throttles");
    assertThat(throttles.metrics().get(2).expression()).isEqualTo("reads + writes");
    assertThat(Map.of("table", throttles.metrics().get(0).metricStat().metric().dimensions().get(0).value()))
        .containsEntry("table", "throttled-items-dev");
    MetricAlarm duration = alarm("throttled-lambda-duration-dev").orElseThrow();
    assertThat(duration.extendedStatistic()).isEqualTo("p99");
    assertThat(duration.threshold()).isEqualTo(800.0);
    operator.aws.calls().reset();
    operator.reconcileOnceMore("throttled");
    assertThat(operator.aws.calls().count("monitoring", "PutMetricAlarm")).as("no rewrite of equal alarms").isZero();
  }
}
