package dev.tap.operator.alarms;

import dev.tap.operator.api.v1alpha1.AlarmStatus;
import dev.tap.operator.api.v1alpha1.ServerlessApiStatus;
import dev.tap.operator.workflow.DependentOutcome;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** The alarms as CloudWatch held them, whose they are, and the changes made. */
public record AlarmsOutcome(List<String> desired, Map<String, MetricAlarm> existing, Map<String, String> owners,
    String owner, AlarmsDelta.Plan plan) implements DependentOutcome {

  @Override
  public boolean ready() {
    return plan.changes().isEmpty() && plan.blocked().isEmpty();
  }

  /** The desired alarms CloudWatch holds in ALARM, by name, with CloudWatch's reason. */
  public Map<String, String> firing() {
    Map<String, String> firing = new LinkedHashMap<>();
    desired.stream().map(existing::get).filter(a -> a != null && a.stateValue() == StateValue.ALARM)
        .forEach(a -> firing.put(a.alarmName(), a.stateReason()));
    return firing;
  }

  /** When each desired alarm in ALARM last changed state, by name (CloudWatch's StateUpdatedTimestamp). */
  public Map<String, Instant> firingSince() {
    Map<String, Instant> since = new LinkedHashMap<>();
    desired.stream().map(existing::get).filter(a -> a != null && a.stateValue() == StateValue.ALARM
        && a.stateUpdatedTimestamp() != null).forEach(a -> since.put(a.alarmName(), a.stateUpdatedTimestamp()));
    return since;
  }

  /** The alarm exists in CloudWatch, or this reconcile created it. */
  public boolean inPlace(String name) {
    return existing.containsKey(name)
        || plan.changes().stream().anyMatch(c -> c instanceof AlarmChange.Put put && put.alarm().name().equals(name));
  }

  @Override
  public String progress() {
    return ready() ? "the alarms are in sync" : "applying the alarms";
  }

  @Override
  public Optional<String> adopted() {
    return plan.changes().stream().filter(AlarmChange.Adopt.class::isInstance).map(c -> "alarm " + ((AlarmChange.Adopt) c).name())
        .findFirst();
  }

  @Override
  public Optional<Blocked> blocked() {
    return plan.blocked();
  }

  /** {@code status.alarms}: each desired alarm with its state and reason, and whether it is known to be ours. */
  @Override
  public void writeStatus(ServerlessApiStatus status) {
    status.setAlarms(desired.stream().map(name -> {
      AlarmStatus alarm = new AlarmStatus();
      alarm.setName(name);
      MetricAlarm found = existing.get(name);
      if (found != null) {
        alarm.setState(found.stateValueAsString());
        alarm.setReason(found.stateReason());
      }
      boolean created = plan.changes().stream().anyMatch(c -> c instanceof AlarmChange.Put put && put.alarm().name().equals(name));
      boolean adopted = plan.changes().stream().anyMatch(c -> c instanceof AlarmChange.Adopt a && a.name().equals(name));
      alarm.setOwned(owner.equals(owners.get(name)) || created || adopted);
      return alarm;
    }).toList());
  }
}
