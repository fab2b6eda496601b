package dev.tap.operator.alarms;

/** One change to the resource's alarms. */
public sealed interface AlarmChange {

  <R> R accept(Visitor<R> visitor);

  /** One method per change: a new change does not compile until every visitor handles it. */
  interface Visitor<R> {

    R put(Put change);

    R adopt(Adopt change);

    R delete(Delete change);
  }

  /** PutMetricAlarm: creates (with the owner tags) or completely overwrites the alarm. */
  record Put(DesiredAlarm alarm, boolean exists) implements AlarmChange {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.put(this);
    }
  }

  /** Tags an unowned alarm of our name, taking it over (adoption). */
  record Adopt(String name, String arn) implements AlarmChange {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.adopt(this);
    }
  }

  /** An alarm of ours that the spec no longer asks for. */
  record Delete(String name) implements AlarmChange {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.delete(this);
    }
  }
}
