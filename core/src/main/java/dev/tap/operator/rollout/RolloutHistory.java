package dev.tap.operator.rollout;

import dev.tap.operator.api.v1alpha1.RolloutHistoryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The alias's last rollouts in status: each decision that starts, shifts or ends a rollout adds to it.
 * Bounded, oldest first. Pure: the list before, the decision and the time give the list after.
 */
final class RolloutHistory {

  static final int KEPT = 10;

  private RolloutHistory() {}

  static List<RolloutHistoryEntry> after(List<RolloutHistoryEntry> before, RolloutDecision decision, Instant now) {
    List<RolloutHistoryEntry> history = new ArrayList<>();
    (before == null ? List.<RolloutHistoryEntry>of() : before).forEach(entry -> history.add(copy(entry)));
    if (decision instanceof RolloutDecision.Retry retry) {
      started(history, retry.target(), retry.stable(), now, true);
    } else if (decision instanceof RolloutDecision.Record record && RecordedRollout.PROGRESSING.equals(record.record().phase())
        && record.record().step() == 0) {
      started(history, record.record().target(), record.record().stable(), now, false);
    } else if (decision instanceof RolloutDecision.Shift shift) {
      step(started(history, shift.target(), shift.stable(), now, false), shift.weight(), now);
    } else if (decision instanceof RolloutDecision.Promote promote) {
      RolloutHistoryEntry entry = ending(history, promote.target(), promote.stable(), now);
      step(entry, 1.0, now);
      end(entry, RecordedRollout.SUCCEEDED, promote.why(), now);
    } else if (decision instanceof RolloutDecision.RollBack back) {
      end(ending(history, back.target(), back.stable(), now),
          RolloutPlanner.ABORTED.equals(back.alarm()) ? "Aborted" : RecordedRollout.ROLLED_BACK,
          RolloutPlanner.ABORTED.equals(back.alarm()) ? "kubectl tap abort" : RolloutPlanner.cause(back.alarm()) + ": " + back.reason(),
          now);
    } else if (decision instanceof RolloutDecision.Abandon abandon) {
      end(ending(history, abandon.abandoned(), abandon.stable(), now), "Abandoned",
          "version " + abandon.target() + " arrived mid-rollout", now);
    }
    return history.size() > KEPT ? List.copyOf(history.subList(history.size() - KEPT, history.size())) : history;
  }

  /** The entry of the rollout of {@code version} in progress, or a new one (always new for a retry). */
  private static RolloutHistoryEntry started(List<RolloutHistoryEntry> history, String version, String from, Instant now,
      boolean again) {
    Optional<RolloutHistoryEntry> open = history.isEmpty() ? Optional.empty()
        : Optional.of(history.get(history.size() - 1))
            .filter(last -> version.equals(last.getVersion()) && RecordedRollout.PROGRESSING.equals(last.getResult()));
    if (open.isPresent() && !again) {
      return open.get();
    }
    RolloutHistoryEntry entry = new RolloutHistoryEntry();
    entry.setVersion(version);
    entry.setFrom(from);
    entry.setStartedAt(now.toString());
    entry.setResult(RecordedRollout.PROGRESSING);
    if (again) {
      entry.setReason("tried again with kubectl tap retry");
    }
    history.add(entry);
    return entry;
  }

  /** The last entry when it is {@code version}'s, ended or not (a rollback is finished over two reconciles). */
  private static RolloutHistoryEntry ending(List<RolloutHistoryEntry> history, String version, String from,
      Instant now) {
    RolloutHistoryEntry last = history.isEmpty() ? null : history.get(history.size() - 1);
    return last != null && version.equals(last.getVersion()) ? last : started(history, version, from, now, false);
  }

  private static void step(RolloutHistoryEntry entry, double weight, Instant now) {
    String prefix = Math.round(weight * 100) + "% at ";
    List<String> steps = entry.getSteps();
    if (steps.isEmpty() || !steps.get(steps.size() - 1).startsWith(prefix)) {
      steps.add(prefix + now);
    }
  }

  private static void end(RolloutHistoryEntry entry, String result, String reason, Instant now) {
    if (result.equals(entry.getResult())) {
      return;
    }
    entry.setResult(result);
    entry.setReason(reason);
    entry.setEndedAt(now.toString());
  }

  private static RolloutHistoryEntry copy(RolloutHistoryEntry entry) {
    RolloutHistoryEntry copy = new RolloutHistoryEntry();
    copy.setVersion(entry.getVersion());
    copy.setFrom(entry.getFrom());
    copy.setStartedAt(entry.getStartedAt());
    copy.setSteps(new ArrayList<>(entry.getSteps() == null ? List.of() : entry.getSteps()));
    copy.setResult(entry.getResult());
    copy.setEndedAt(entry.getEndedAt());
    copy.setReason(entry.getReason());
    return copy;
  }
}
