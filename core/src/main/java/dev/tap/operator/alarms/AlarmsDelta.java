package dev.tap.operator.alarms;

import dev.tap.operator.aws.AdoptionPolicy;
import dev.tap.operator.naming.OwnerTags;
import dev.tap.operator.naming.Ownership;
import dev.tap.operator.workflow.DependentOutcome.Blocked;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * The changes that make the resource's alarms match the spec, given what CloudWatch holds and whose
 * each existing alarm is: create what is missing, overwrite what differs, delete ours that the spec
 * dropped; leave every alarm of another owner alone. Pure.
 */
public final class AlarmsDelta {

  /** The changes, or why none can be made. */
  public record Plan(List<AlarmChange> changes, Optional<Blocked> blocked) {}

  private AlarmsDelta() {}

  /**
   * {@code owners}: for each existing alarm of our names, its owner tag ("" when it has none); ours
   * are {@code owner}. {@code undecided}: alarms neither wanted nor to be deleted for now.
   */
  public static Plan plan(List<DesiredAlarm> desired, Map<String, MetricAlarm> existing, Map<String, String> owners,
      String owner, AdoptionPolicy adoption, List<String> undecided) {
    List<AlarmChange> changes = new ArrayList<>();
    for (DesiredAlarm alarm : desired) {
      MetricAlarm found = existing.get(alarm.name());
      if (found == null) {
        changes.add(new AlarmChange.Put(alarm, false));
        continue;
      }
      String foundOwner = owners.getOrDefault(alarm.name(), "");
      Ownership ownership = Ownership.ofTag(foundOwner.isEmpty() ? null : foundOwner, owner, adoption);
      Optional<Blocked> blocked = switch (ownership.kind()) {
        case OURS -> Optional.empty();
        case FOREIGN -> Optional.of(new Blocked("OwnedByAnother", "alarm " + alarm.name() + " belongs to "
            + ownership.owner() + ", not to " + owner));
        case UNTAGGED -> Optional.of(new Blocked("NotOwned", "alarm " + alarm.name() + " exists without the"
            + " tag " + OwnerTags.OWNER + "=" + owner + "; it is left untouched. To manage it, annotate the resource"
            + " with services.k8s.aws/adoption-policy: adopt"));
        case ADOPTABLE -> {
          changes.add(new AlarmChange.Adopt(alarm.name(), found.alarmArn()));
          yield Optional.empty();
        }
      };
      if (blocked.isPresent()) {
        return new Plan(List.of(), blocked);
      }
      if (!alarm.matches(found)) {
        changes.add(new AlarmChange.Put(alarm, true));
      }
    }
    List<String> wanted = desired.stream().map(DesiredAlarm::name).toList();
    existing.keySet().stream().filter(name -> !wanted.contains(name) && !undecided.contains(name)
        && owner.equals(owners.get(name))).sorted()
        .forEach(name -> changes.add(new AlarmChange.Delete(name)));
    return new Plan(List.copyOf(changes), Optional.empty());
  }
}
