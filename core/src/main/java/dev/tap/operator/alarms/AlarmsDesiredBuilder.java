package dev.tap.operator.alarms;

import dev.tap.operator.api.v1alpha1.AlarmSpec;
import dev.tap.operator.api.v1alpha1.AlarmsSpec;
import dev.tap.operator.api.v1alpha1.RolloutStatus;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.naming.AwsNames;
import dev.tap.operator.naming.OwnerTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/**
 * Spec to the alarms it asks for: API 5XX errors of the stage (it may exist before the API does),
 * Lambda errors, throttles and p99 duration of the alias, and throttled reads plus writes of the table
 * (metric math). Sum (p99 for duration) over the spec's period, at or above the threshold, missing data
 * not breaching, the spec's actions.
 */
public final class AlarmsDesiredBuilder {

  private AlarmsDesiredBuilder() {}

  /** Every alarm name this resource may own, so an alarm dropped from the spec is found and deleted. */
  public static List<String> allNames(ServerlessApi api) {
    AwsNames names = AwsNames.of(api);
    return List.of(names.apiServerErrorsAlarm(), names.lambdaErrorsAlarm(), names.lambdaThrottlesAlarm(),
        names.lambdaDurationAlarm(), names.tableThrottlesAlarm(), names.rolloutErrorsAlarm());
  }

  public static List<DesiredAlarm> build(ServerlessApi api) {
    AlarmsSpec spec = api.getSpec().getAlarms();
    if (spec == null) {
      return List.of();
    }
    AwsNames names = AwsNames.of(api);
    String stage = AwsNames.stage(api);
    String alias = names.function() + ":" + names.alias();
    Map<String, String> tags = OwnerTags.of(api);
    List<String> actions = spec.getActions() == null ? List.of() : spec.getActions();
    List<DesiredAlarm> alarms = new ArrayList<>();
    if (spec.getApiServerErrors() != null) {
      alarms.add(metric(names.apiServerErrorsAlarm(), "API Gateway 5XX errors of " + names.restApi() + " stage " + stage,
          "AWS/ApiGateway", "5XXError", List.of(dimension("ApiName", names.restApi()), dimension("Stage", stage)),
          spec.getApiServerErrors(), actions, tags));
    }
    if (spec.getLambdaErrors() != null) {
      alarms.add(metric(names.lambdaErrorsAlarm(), "Lambda errors of " + alias, "AWS/Lambda", "Errors",
          List.of(dimension("FunctionName", names.function()), dimension("Resource", alias)), spec.getLambdaErrors(),
          actions, tags));
    }
    if (spec.getLambdaThrottles() != null) {
      alarms.add(metric(names.lambdaThrottlesAlarm(), "Lambda throttles of " + alias, "AWS/Lambda", "Throttles",
          List.of(dimension("FunctionName", names.function()), dimension("Resource", alias)), spec.getLambdaThrottles(),
          actions, tags));
    }
    if (spec.getLambdaDuration() != null) {
      AlarmSpec duration = spec.getLambdaDuration();
      MetricAlarm alarm = base(names.lambdaDurationAlarm(), "Lambda p99 duration (ms) of " + alias, duration, actions)
          .namespace("AWS/Lambda").metricName("Duration")
          .dimensions(List.of(dimension("FunctionName", names.function()), dimension("Resource", alias)))
          .extendedStatistic("p99").period(duration.getPeriodSeconds()).build();
      alarms.add(new DesiredAlarm(names.lambdaDurationAlarm(), alarm, tags));
    }
    if (spec.getTableThrottles() != null) {
      alarms.add(tableThrottles(names, spec.getTableThrottles(), actions, tags));
    }
    rolloutTarget(api).ifPresent(version -> alarms.add(metric(names.rolloutErrorsAlarm(), "Lambda errors of version "
        + version + " of " + alias + " while it rolls out", "AWS/Lambda", "Errors", List.of(
            dimension("FunctionName", names.function()), dimension("Resource", alias),
            dimension("ExecutedVersion", version)), rolloutAlarm(spec), actions, tags)));
    return List.copyOf(alarms);
  }

  /**
   * Alarms to leave as they are, neither written nor deleted: the rollout alarm while status says
   * nothing of a rollout (status lost mid-rollout: the rollout dependent records it again from the
   * alias, and deleting the alarm meanwhile would leave the new version unwatched).
   */
  public static List<String> undecided(ServerlessApi api) {
    return api.getStatus() == null || api.getStatus().getRollout() == null
        ? List.of(AwsNames.of(api).rolloutErrorsAlarm()) : List.of();
  }

  /** The version a rollout in progress moves to, as status records it before any traffic moves. */
  private static Optional<String> rolloutTarget(ServerlessApi api) {
    RolloutStatus rollout = api.getStatus() == null ? null : api.getStatus().getRollout();
    return rollout != null && RolloutStatus.PROGRESSING.equals(rollout.getPhase()) ? Optional.ofNullable(rollout.getTargetVersion())
        : Optional.empty();
  }

  /** The Lambda errors alarm's settings, else any error in one minute. */
  private static AlarmSpec rolloutAlarm(AlarmsSpec spec) {
    if (spec.getLambdaErrors() != null) {
      return spec.getLambdaErrors();
    }
    AlarmSpec anyError = new AlarmSpec();
    anyError.setThreshold(1.0);
    anyError.setEvaluationPeriods(1);
    anyError.setPeriodSeconds(60);
    return anyError;
  }

  private static DesiredAlarm metric(String name, String description, String namespace, String metric,
      List<Dimension> dimensions, AlarmSpec spec, List<String> actions, Map<String, String> tags) {
    MetricAlarm alarm = base(name, description, spec, actions).namespace(namespace).metricName(metric)
        .dimensions(dimensions).statistic("Sum").period(spec.getPeriodSeconds()).build();
    return new DesiredAlarm(name, alarm, tags);
  }

  /** DynamoDB reports throttled reads and writes as two metrics; the alarm watches their sum. */
  private static DesiredAlarm tableThrottles(AwsNames names, AlarmSpec spec, List<String> actions, Map<String, String> tags) {
    String table = names.table();
    List<MetricDataQuery> queries = List.of(
        query("reads", table, "ReadThrottleEvents", spec.getPeriodSeconds()),
        query("writes", table, "WriteThrottleEvents", spec.getPeriodSeconds()),
        MetricDataQuery.builder().id("throttles").expression("reads + writes").label("throttled requests")
            .returnData(true).build());
    MetricAlarm alarm = base(names.tableThrottlesAlarm(), "DynamoDB throttled reads and writes of " + table, spec, actions)
        .metrics(queries).build();
    return new DesiredAlarm(names.tableThrottlesAlarm(), alarm, tags);
  }

  private static MetricDataQuery query(String id, String table, String metric, int period) {
    return MetricDataQuery.builder().id(id).returnData(false).metricStat(s -> s.stat("Sum").period(period)
        .metric(m -> m.namespace("AWS/DynamoDB").metricName(metric).dimensions(dimension("TableName", table)))).build();
  }

  private static MetricAlarm.Builder base(String name, String description, AlarmSpec spec, List<String> actions) {
    return MetricAlarm.builder().alarmName(name).alarmDescription(description + " (managed by tap-operator)")
        .actionsEnabled(true).alarmActions(actions).evaluationPeriods(spec.getEvaluationPeriods())
        .threshold(spec.getThreshold()).comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
        .treatMissingData("notBreaching");
  }

  private static Dimension dimension(String name, String value) {
    return Dimension.builder().name(name).value(value).build();
  }

}
