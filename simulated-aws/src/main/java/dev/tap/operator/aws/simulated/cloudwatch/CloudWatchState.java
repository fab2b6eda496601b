package dev.tap.operator.aws.simulated.cloudwatch;

import dev.tap.operator.aws.simulated.AwsErrors;
import dev.tap.operator.aws.simulated.SimulatedAws;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * CloudWatch metric alarms in one region, per the CloudWatch API Reference: PutMetricAlarm creates
 * or completely overwrites an alarm (its state is left as it was; tags count only at creation); a new
 * alarm is INSUFFICIENT_DATA; DescribeAlarms and DeleteAlarms take at most 100 names; deleting an
 * alarm that does not exist is ResourceNotFound. {@link SimulatedCloudWatch} maps the SDK onto it.
 */
public final class CloudWatchState {

  private static final String SERVICE = SimulatedAws.CLOUDWATCH;
  /** AlarmNames in DescribeAlarms and DeleteAlarms: "Maximum number of 100 items." */
  static final int MAX_NAMES = 100;
  /** AlarmActions: "Maximum number of 5 items."; Dimensions: "Maximum number of 30 items." */
  private static final int MAX_ACTIONS = 5;
  private static final int MAX_DIMENSIONS = 30;

  private final String region;
  private final SimulatedAws aws;
  private final Map<String, MetricAlarm> alarms = new TreeMap<>();
  private final Map<String, Map<String, String>> tags = new TreeMap<>();
  private final MetricStore metrics = new MetricStore();

  CloudWatchState(String region, SimulatedAws aws) {
    this.region = region;
    this.aws = aws;
  }

  // ---- PutMetricAlarm: an upsert that keeps the state; tags only when it creates. ----------------

  synchronized MetricAlarm put(MetricAlarm wanted, Map<String, String> creationTags) {
    String name = wanted.alarmName();
    if (name == null || name.isEmpty() || name.length() > 255) {
      throw invalid("The parameter AlarmName must be 1 to 255 characters long.");
    }
    if (wanted.evaluationPeriods() == null || wanted.evaluationPeriods() < 1) {
      throw invalid("The parameter EvaluationPeriods must be greater than or equal to 1.");
    }
    Integer period = wanted.metrics().isEmpty() ? wanted.period() : wanted.metrics().stream()
        .filter(m -> m.metricStat() != null).map(m -> m.metricStat().period()).findFirst().orElse(null);
    if (period == null || !(period == 10 || period == 20 || period == 30 || (period >= 60 && period % 60 == 0))) {
      throw invalid("The parameter Period must be 10, 20, 30 or a multiple of 60.");
    }
    if (!wanted.metrics().isEmpty()) {
      // Metric math: "If you specify the Metrics parameter, you cannot specify MetricName, Dimensions, Period,
      // Namespace, Statistic, or ExtendedStatistic", and exactly one query returns the alarm's data.
      if (wanted.metricName() != null || wanted.statistic() != null || wanted.extendedStatistic() != null) {
        throw AwsErrors.build(InvalidParameterCombinationException.builder(), SERVICE, "InvalidParameterCombination", 400,
            "Metrics cannot be combined with MetricName, Statistic or ExtendedStatistic.");
      }
      if (wanted.metrics().stream().filter(m -> !Boolean.FALSE.equals(m.returnData())).count() != 1) {
        throw invalid("Exactly one element of the Metrics list must return data.");
      }
    } else if ((wanted.statistic() == null) == (wanted.extendedStatistic() == null)) {
      throw AwsErrors.build(InvalidParameterCombinationException.builder(), SERVICE, "InvalidParameterCombination", 400,
          "Exactly one of the parameters Statistic or ExtendedStatistic must be specified.");
    }
    if (wanted.comparisonOperator() == null || wanted.threshold() == null) {
      throw invalid("The parameters ComparisonOperator and Threshold are required.");
    }
    if (wanted.datapointsToAlarm() != null && wanted.datapointsToAlarm() > wanted.evaluationPeriods()) {
      throw invalid("DatapointsToAlarm must be less than or equal to EvaluationPeriods.");
    }
    if (wanted.alarmActions().size() > MAX_ACTIONS || wanted.dimensions().size() > MAX_DIMENSIONS) {
      throw invalid("At most " + MAX_ACTIONS + " alarm actions and " + MAX_DIMENSIONS + " dimensions.");
    }
    MetricAlarm existing = alarms.get(name);
    String arn = "arn:aws:cloudwatch:" + region + ":" + SimulatedAws.ACCOUNT_ID + ":alarm:" + name;
    MetricAlarm.Builder alarm = wanted.toBuilder().alarmArn(arn)
        .alarmConfigurationUpdatedTimestamp(aws.clock().instant());
    if (existing == null) {
      alarm.stateValue(StateValue.INSUFFICIENT_DATA).stateReason("Unchecked: Initial alarm creation")
          .stateUpdatedTimestamp(aws.clock().instant());
      tags.put(arn, new TreeMap<>(creationTags));
    } else {
      alarm.stateValue(existing.stateValue()).stateReason(existing.stateReason())
          .stateUpdatedTimestamp(existing.stateUpdatedTimestamp());
    }
    MetricAlarm stored = alarm.build();
    alarms.put(name, stored);
    return stored;
  }

  // ---- DescribeAlarms: by name, at most 100 names a call. -----------------------------------------

  /** Named alarms are looked up, not searched for, and listed in name order as the whole list is. */
  synchronized List<MetricAlarm> describe(Collection<String> names) {
    checkNames(names);
    return names.isEmpty() ? List.copyOf(alarms.values())
        : names.stream().filter(Objects::nonNull).distinct().sorted().map(alarms::get).filter(Objects::nonNull).toList();
  }

  // ---- DeleteAlarms: all named must exist. --------------------------------------------------------

  synchronized void delete(Collection<String> names) {
    checkNames(names);
    List<String> missing = names.stream().filter(n -> !alarms.containsKey(n)).toList();
    if (!missing.isEmpty()) {
      throw notFound("Alarms " + missing + " do not exist");
    }
    names.forEach(name -> tags.remove(alarms.remove(name).alarmArn()));
  }

  // ---- SetAlarmState: the state until the next evaluation (here: until the next set). ------------

  public synchronized void setState(String name, StateValue state, String reason) {
    MetricAlarm alarm = alarms.get(name);
    if (alarm == null) {
      throw notFound("Alarm " + name + " does not exist");
    }
    alarms.put(name, alarm.toBuilder().stateValue(state).stateReason(reason)
        .stateUpdatedTimestamp(aws.clock().instant()).build());
  }

  // ---- Evaluation: what CloudWatch does once a minute, here when the sandbox's clock says so. -----

  /** Evaluates every alarm at {@code now}; a state changes only when the evaluation says another one. */
  public synchronized void evaluateAlarms(Instant now) {
    for (MetricAlarm alarm : List.copyOf(alarms.values())) {
      AlarmEvaluation.evaluate(alarm, now, metrics).filter(v -> v.state() != alarm.stateValue()
              || !v.reason().equals(alarm.stateReason()))
          .ifPresent(verdict -> alarms.put(alarm.alarmName(), alarm.toBuilder().stateValue(verdict.state())
              .stateReason(verdict.reason())
              .stateUpdatedTimestamp(verdict.state() != alarm.stateValue() ? now : alarm.stateUpdatedTimestamp())
              .build()));
    }
  }

  /** The region's metrics, which services publish to. */
  public MetricStore metrics() {
    return metrics;
  }

  // ---- Tags, by alarm ARN. --------------------------------------------------------------------------

  synchronized Map<String, String> tags(String arn) {
    return Map.copyOf(existingTags(arn));
  }

  synchronized void tag(String arn, Map<String, String> added) {
    existingTags(arn).putAll(added);
  }

  synchronized void untag(String arn, Collection<String> keys) {
    existingTags(arn).keySet().removeAll(keys);
  }

  public synchronized List<MetricAlarm> peekAlarms() {
    return List.copyOf(alarms.values());
  }

  private Map<String, String> existingTags(String arn) {
    Map<String, String> found = tags.get(arn);
    if (found == null) {
      throw notFound("Resource " + arn + " does not exist");
    }
    return found;
  }

  private static void checkNames(Collection<String> names) {
    if (names.size() > MAX_NAMES) {
      throw AwsErrors.build(AwsServiceException.builder(), SERVICE, "ValidationError", 400,
          "1 validation error detected: Value at 'alarmNames' failed to satisfy constraint: Member must have length"
              + " less than or equal to " + MAX_NAMES);
    }
  }

  private static AwsServiceException invalid(String message) {
    return AwsErrors.build(InvalidParameterValueException.builder(), SERVICE, "InvalidParameterValue", 400, message);
  }

  private static AwsServiceException notFound(String message) {
    return AwsErrors.build(ResourceNotFoundException.builder(), SERVICE, "ResourceNotFound", 404, message);
  }
}
