package dev.tap.operator.alarms;

/** One change to the resource's alarms. */
public sealed interface AlarmChange {

  /** PutMetricAlarm: creates (with the owner tags) or completely overwrites the alarm. */
  record Put(DesiredAlarm alarm, boolean exists) implements AlarmChange {}

  /** Tags an unowned alarm of our name, taking it over (adoption). */
  record Adopt(String name, String arn) implements AlarmChange {}

  /** An alarm of ours that the spec no longer asks for. */
  record Delete(String name) implements AlarmChange {}
}
