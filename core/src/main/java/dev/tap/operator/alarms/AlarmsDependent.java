package dev.tap.operator.alarms;

import dev.tap.operator.api.v1alpha1.AlarmStatus;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AwsServices;
import dev.tap.operator.workflow.AwsSession;
import dev.tap.operator.naming.AwsNames;
import dev.tap.operator.naming.OwnerTags;
import dev.tap.operator.workflow.AwsDependent;
import dev.tap.operator.workflow.InventoryItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * The CloudWatch alarms of a ServerlessApi. One DescribeAlarms reads them all; since it returns no
 * tags and PutMetricAlarm silently overwrites a same-named alarm, an existing alarm's owner is read
 * once (ListTagsForResource) before the first write and recorded in status, so a converged reconcile
 * stays at one read.
 */
public final class AlarmsDependent extends AwsDependent<AlarmsOutcome> {

  public AlarmsDependent() {
    super(AlarmsOutcome.class);
  }

  @Override
  protected AlarmsOutcome sync(ServerlessApi api, AwsSession session) {
    AlarmsService alarms = new AlarmsService(session.client(AwsServices.CLOUDWATCH));
    String owner = OwnerTags.owner(api);
    List<DesiredAlarm> desired = AlarmsDesiredBuilder.build(api);
    Map<String, MetricAlarm> existing = alarms.describe(AlarmsDesiredBuilder.allNames(api));
    Map<String, String> owners = owners(api, alarms, existing, owner);
    AlarmsDelta.Plan plan = AlarmsDelta.plan(desired, existing, owners, owner, session.adoption(),
        AlarmsDesiredBuilder.undecided(api));
    AlarmsOutcome outcome = new AlarmsOutcome(desired.stream().map(DesiredAlarm::name).toList(), existing, owners, owner, plan);
    report(session, outcome);
    List<String> dropped = new ArrayList<>();
    AlarmChange.Visitor<Void> steps = new AlarmChange.Visitor<>() {
      @Override
      public Void put(AlarmChange.Put put) {
        alarms.put(put.alarm());
        session.changed(api, put.exists() ? "UpdatedAlarm" : "CreatedAlarm", "alarm " + put.alarm().name()
            + ": Sum >= " + put.alarm().alarm().threshold() + " for " + put.alarm().alarm().evaluationPeriods() + " period(s)");
        return null;
      }

      @Override
      public Void adopt(AlarmChange.Adopt adopt) {
        alarms.tag(adopt.arn(), Map.of(OwnerTags.OWNER, owner, OwnerTags.MANAGED_BY, OwnerTags.OPERATOR));
        session.changed(api, "AdoptedAlarm", "alarm " + adopt.name() + ": tagged as owned by " + owner);
        return null;
      }

      /** Deleted after the others, all in one DeleteAlarms. */
      @Override
      public Void delete(AlarmChange.Delete delete) {
        dropped.add(delete.name());
        return null;
      }
    };
    plan.changes().forEach(change -> change.accept(steps));
    if (!dropped.isEmpty()) {
      alarms.delete(dropped);
      String rolloutAlarm = AwsNames.of(api).rolloutErrorsAlarm();
      session.changed(api, "DeletedAlarms", "deleted alarm(s) " + String.join(", ", dropped)
          + (dropped.equals(List.of(rolloutAlarm)) ? ": the rollout is over" : ": no longer in the spec"));
    }
    return outcome;
  }

  /** Owners of the existing alarms: recorded ones from status, the others read once. */
  private static Map<String, String> owners(ServerlessApi api, AlarmsService alarms, Map<String, MetricAlarm> existing,
      String owner) {
    Set<String> recorded = api.getStatus() == null || api.getStatus().getAlarms() == null ? Set.of()
        : api.getStatus().getAlarms().stream().filter(a -> Boolean.TRUE.equals(a.getOwned())).map(AlarmStatus::getName)
            .collect(Collectors.toSet());
    Map<String, String> owners = new HashMap<>();
    existing.forEach((name, alarm) -> owners.put(name, recorded.contains(name) ? owner
        : alarms.owner(alarm.alarmArn(), OwnerTags.OWNER)));
    return owners;
  }

  /** Deletes the alarms that are ours. */
  @Override
  protected void cleanup(ServerlessApi api, AwsSession session) {
    AlarmsService alarms = new AlarmsService(session.client(AwsServices.CLOUDWATCH));
    String owner = OwnerTags.owner(api);
    Map<String, MetricAlarm> existing = alarms.describe(AlarmsDesiredBuilder.allNames(api));
    List<String> ours = existing.values().stream().filter(a -> owner.equals(alarms.owner(a.alarmArn(), OwnerTags.OWNER)))
        .map(MetricAlarm::alarmName).toList();
    if (!ours.isEmpty()) {
      alarms.delete(ours);
      session.changed(api, "DeletedAlarms", "deleted alarm(s) " + String.join(", ", ours));
    }
  }

  @Override
  public List<InventoryItem> inventory(ServerlessApi api, AwsSession session) {
    Map<String, MetricAlarm> existing = new AlarmsService(session.client(AwsServices.CLOUDWATCH))
        .describe(AlarmsDesiredBuilder.allNames(api));
    return existing.values().stream().map(a -> new InventoryItem("alarms",
        new InventoryAlarm(session.region(), a.alarmName(), a.stateValueAsString(), a.threshold()),
        List.of("alarm " + a.alarmName() + "  " + a.stateValueAsString() + "  >= " + a.threshold()))).toList();
  }

  /** An alarm in the sandbox's JSON inventory. */
  public record InventoryAlarm(String region, String name, String state, Double threshold) {}
}
