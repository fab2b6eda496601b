package dev.tap.operator.rollout;

import dev.tap.operator.api.v1alpha1.AnalysisGate;
import dev.tap.operator.api.v1alpha1.CheckResult;
import dev.tap.operator.api.v1alpha1.GateResult;
import dev.tap.operator.api.v1alpha1.TooFewRequests;
import dev.tap.operator.rollout.RolloutDecision.Abandon;
import dev.tap.operator.rollout.RolloutDecision.Halted;
import dev.tap.operator.rollout.RolloutDecision.InSync;
import dev.tap.operator.rollout.RolloutDecision.Promote;
import dev.tap.operator.rollout.RolloutDecision.Record;
import dev.tap.operator.rollout.RolloutDecision.RollBack;
import dev.tap.operator.rollout.RolloutDecision.Shift;
import dev.tap.operator.rollout.RolloutDecision.Wait;
import dev.tap.operator.rollout.RolloutInput.FiringAlarm;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The step logic of a rollout: one pure function of what the alias holds, what status recorded, the
 * clock and the alarms. The alias is the truth; status only says when a step started and records a
 * step before it is applied, so a restart resumes the same step, and a lost status restarts the
 * current step's interval from the alias's weight (never from zero, never straight to 100 %).
 */
public final class RolloutPlanner {

  /** What a rollback by hand names as its alarm, in status, the Event and the alias's record. */
  public static final String ABORTED = "kubectl-tap-abort";

  /** How soon to look again while the rollout alarm is being created. */
  static final Duration SOON = Duration.ofSeconds(1);

  /**
   * How often gates are judged while a step runs, so that a failing version goes back within half a
   * minute instead of at the step's end, sooner than an alarm on the whole alias (one GetMetricData each).
   */
  static final Duration GATE_LOOK = Duration.ofSeconds(30);

  private RolloutPlanner() {}

  public static RolloutDecision next(RolloutInput in) {
    RecordedRollout kept = in.recorded().orElse(null);
    if (in.additional() == null && in.stable().equals(in.target())) {
      // Promoted, but the status still says Progressing (post-traffic checks next, or a crash right after the
      // promotion): record the end first, so that the next reconcile removes the rollout alarm.
      return kept != null && kept.progressing(kept.stable(), in.target()) ? afterLastShift(in, kept)
          : new InSync(in.target(), kept);
    }
    if (in.target().equals(in.rolledBack()) && in.additional() == null && in.commands().asked(RolloutCommands.RETRY)) {
      return new RolloutDecision.Retry(in.stable(), in.target(), start(in, "retrying version " + in.target()
          + " (kubectl tap retry): creating its alarm first"));
    }
    if (in.target().equals(in.rolledBack())) {
      RecordedRollout record = kept != null && RecordedRollout.ROLLED_BACK.equals(kept.phase()) ? kept
          : recording(RecordedRollout.ROLLED_BACK, in).build();
      String message = "version " + in.target() + (ABORTED.equals(record.alarm()) ? " was aborted with kubectl tap abort"
          : " was rolled back" + (record.alarm() == null ? "" : " after " + cause(record.alarm())))
          + "; the alias stays on version " + in.stable() + ". It is not tried again until the spec produces another"
          + " version, or kubectl tap retry asks for it";
      return in.additional() != null ? rollBack(in, in.stable(), kept,
          record.alarm() == null ? "(recorded on the alias)" : record.alarm(), "finishing the rollback")
          : new Halted(message, record.withMessage(message));
    }
    if (in.additional() != null && !in.additional().equals(in.target())) {
      RecordedRollout record = start(in, "version " + in.additional() + " abandoned mid-rollout for version "
          + in.target() + "; all traffic back on version " + in.stable());
      return new Abandon(in.stable(), in.additional(), in.target(), record);
    }
    Optional<String> atOnce = atOnce(in);
    if (atOnce.isPresent()) {
      return new Promote(in.stable(), in.target(), atOnce.get(), succeeded(start(in, atOnce.get()), atOnce.get()));
    }
    boolean progressing = kept != null && kept.progressing(in.stable(), in.target());
    if (progressing && in.commands().asked(RolloutCommands.ABORT)) {
      return rollBack(in, in.stable(), kept, ABORTED, "aborted with kubectl tap abort");
    }
    if (progressing && in.commands().asked(RolloutCommands.PROMOTE_FULL)) {
      String why = "version " + in.target() + " took all traffic: kubectl tap promote --full";
      return new Promote(in.stable(), in.target(), why, promoted(in, kept, why));
    }
    List<FiringAlarm> firing = firingSinceStart(in, kept);
    if (in.settings().rollbackOnAlarm() && !firing.isEmpty() && in.additional() != null) {
      return rollBack(in, in.stable(), kept, firing.get(0).name(), firing.get(0).reason());
    }
    return in.additional() == null ? beforeTraffic(in, kept) : shifting(in, kept);
  }

  /**
   * Fix-forward: the alarms that count against this rollout. One already in ALARM when the rollout
   * started fired for the version being replaced, and must neither hold nor roll back its fix; one that
   * went to ALARM since, or that watches the target version alone, does. Without a recorded start
   * (status lost) every firing alarm counts.
   */
  static List<FiringAlarm> firingSinceStart(RolloutInput in, RecordedRollout kept) {
    Instant started = kept != null && kept.progressing(in.stable(), in.target()) ? kept.startedAt() : null;
    return in.firing().stream().filter(alarm -> started == null || alarm.watchesTarget() || alarm.since() == null
        || !alarm.since().isBefore(started)).toList();
  }

  /** The commands {@code decision} carried out, which status then records as acted on. */
  public static Set<String> actedOn(RolloutInput in, RolloutDecision decision) {
    Set<String> acted = new TreeSet<>();
    if (decision instanceof RolloutDecision.Retry) {
      acted.add(RolloutCommands.RETRY);
    }
    if (decision instanceof RollBack back && ABORTED.equals(back.alarm())) {
      acted.add(RolloutCommands.ABORT);
    }
    if (decision instanceof Promote && in.commands().asked(RolloutCommands.PROMOTE_FULL)) {
      acted.add(RolloutCommands.PROMOTE_FULL);
    }
    if (in.commands().asked(RolloutCommands.PROMOTE) && (decision instanceof Promote
        || decision instanceof Record record && in.recorded().map(kept -> record.record().step() > kept.step()).orElse(false))) {
      acted.add(RolloutCommands.PROMOTE);
    }
    return acted;
  }

  private static Optional<String> atOnce(RolloutInput in) {
    if (in.pinned()) {
      return Optional.of("spec.function.version pins the alias: moved at once");
    }
    if (!in.settings().stepped()) {
      return Optional.of("strategy AllAtOnce: moved at once");
    }
    if (in.splitBlocker() != null) {
      return Optional.of(in.splitBlocker() + ": Lambda cannot split traffic between the two versions, so the alias"
          + " moved at once");
    }
    return Optional.empty();
  }

  /** No traffic on the target yet: record the rollout (step 0), wait for its alarm, record step 1, apply it. */
  private static RolloutDecision beforeTraffic(RolloutInput in, RecordedRollout kept) {
    if (kept == null || !kept.progressing(in.stable(), in.target())) {
      return new Record(start(in, "starting the rollout of version " + in.target() + ": creating its alarm first"));
    }
    if (kept.step() >= 1) {
      return shift(in, kept);
    }
    if (in.settings().paused()) {
      return new Wait("paused before the first step (deployment.paused)", null, kept.withMessage("paused before the first step"),
          true);
    }
    List<FiringAlarm> firing = firingSinceStart(in, kept);
    if (in.settings().rollbackOnAlarm() && !firing.isEmpty()) {
      String why = "not starting while alarm " + firing.get(0).name() + " is in ALARM";
      return new Wait(why, null, kept.withMessage(why));
    }
    if (!in.rolloutAlarmReady()) {
      return new Wait("waiting for the rollout alarm of version " + in.target(), SOON, kept);
    }
    RecordedRollout current = kept;
    if (!in.settings().checks().isEmpty() && kept.checks().isEmpty()) {
      List<CheckResult> results = in.evidence().check(TrafficPhase.PreTraffic);
      current = kept.toBuilder().checks(results).build();
      Optional<CheckResult> failed = TrafficCheckJudge.firstFailed(results);
      if (failed.isPresent()) {
        return rollBack(in, in.stable(), current, "pre-traffic check " + failed.get().getRequest(), failed.get().getMessage());
      }
    }
    if (in.settings().needsApproval(1) && !in.commands().asked(RolloutCommands.PROMOTE)) {
      return awaitApproval(in, current, 1, kept.stepStartedAt());
    }
    return new Record(step(in, current, 1));
  }

  /** Traffic is split between stable and target. */
  private static RolloutDecision shifting(RolloutInput in, RecordedRollout kept) {
    int aliasStep = in.settings().stepOf(in.weight());
    if (kept != null && kept.progressing(in.stable(), in.target()) && kept.step() > aliasStep) {
      return shift(in, kept);
    }
    if (kept == null || !kept.progressing(in.stable(), in.target()) || kept.step() != aliasStep
        || kept.stepStartedAt() == null) {
      // Status lost or out of date: the alias's weight says which step this is; its interval starts again now.
      RecordedRollout resumed = recording(RecordedRollout.PROGRESSING, in).step(aliasStep).weight(in.weight())
          .stepStartedAt(in.now()).startedAt(kept != null && kept.startedAt() != null ? kept.startedAt() : in.now())
          .message(describe(in.target(), aliasStep, in.weight()) + " (resumed from the alias)").build();
      return new Record(resumed);
    }
    if (in.settings().paused()) {
      return new Wait("paused at step " + kept.step() + " (deployment.paused)", null,
          kept.withMessage(describe(in.target(), kept.step(), kept.weight()) + ", paused"), true);
    }
    boolean promoteAsked = in.commands().asked(RolloutCommands.PROMOTE);
    Instant stepEnd = kept.stepStartedAt().plus(in.settings().interval());
    Duration left = Duration.between(in.now(), stepEnd);
    boolean ended = left.compareTo(Duration.ZERO) <= 0;
    RecordedRollout current = kept;
    List<AnalysisGate> gates = in.settings().gates();
    if (!gates.isEmpty() && !promoteAsked) {
      List<GateResult> results = gateLookDue(in, kept, stepEnd)
          ? GateJudge.judge(gates, in.evidence().read(kept.stepStartedAt()), kept.step(), in.now())
          : judgedInStep(kept);
      current = kept.toBuilder().gates(results).build();
      Optional<GateResult> failed = GateJudge.failed(results);
      if (failed.isPresent()) {
        return rollBack(in, in.stable(), current, "analysis gate " + failed.get().getMetric(),
            GateJudge.describe(failed.get()));
      }
      Optional<TooFewRequests> tooFew = ended ? GateJudge.shortOfRequests(gates, results) : Optional.empty();
      if (tooFew.isPresent()) {
        return shortOfRequests(in, current, tooFew.get(), GateJudge.shortfall(gates, results));
      }
    }
    if (!ended && !promoteAsked) {
      String why = describe(in.target(), kept.step(), kept.weight()) + "; next step in " + human(left);
      return new Wait(why, gates.isEmpty() ? left : shorter(left, GATE_LOOK), current.withMessage(why));
    }
    int next = kept.step() + 1;
    if (in.settings().needsApproval(next) && !promoteAsked) {
      return awaitApproval(in, current, next, stepEnd);
    }
    if (in.settings().weight(next) >= 1.0) {
      String why = "version " + in.target() + " took all traffic after " + kept.step() + " step(s)";
      return new Promote(in.stable(), in.target(), why, promoted(in, current, why));
    }
    return new Record(step(in, current, next));
  }

  /**
   * Whether the gates are judged again now: not yet in this step, half a minute since the last time, or
   * the step has ended since (the judgement that lets traffic shift is made after the interval).
   */
  private static boolean gateLookDue(RolloutInput in, RecordedRollout kept, Instant stepEnd) {
    Optional<Instant> last = judgedInStep(kept).stream().map(r -> Instant.parse(r.getEvaluatedAt()))
        .max(Instant::compareTo);
    return last.isEmpty() || !in.now().isBefore(last.get().plus(GATE_LOOK))
        || (!in.now().isBefore(stepEnd) && last.get().isBefore(stepEnd));
  }

  private static List<GateResult> judgedInStep(RecordedRollout kept) {
    return kept.gates().stream().filter(r -> r.getStep() != null && r.getStep() == kept.step()).toList();
  }

  /** The step ended before a gate had its minimum of requests: the spec says what then. */
  private static RolloutDecision shortOfRequests(RolloutInput in, RecordedRollout current, TooFewRequests policy,
      String shortfall) {
    String at = describe(in.target(), current.step(), current.weight());
    return switch (policy) {
      case Fail -> rollBack(in, in.stable(), current, "analysis gate short of requests", shortfall);
      case Hold -> {
        String why = at + "; held: " + shortfall + " (kubectl tap promote moves on)";
        yield new Wait(why, GATE_LOOK, current.withMessage(why));
      }
      case Extend -> new Record(current.toBuilder().stepStartedAt(in.now())
          .message(at + "; extended by one interval: " + shortfall).build());
    };
  }

  /** The next step needs kubectl tap promote: wait for it, until the approval's timeout says otherwise. */
  private static RolloutDecision awaitApproval(RolloutInput in, RecordedRollout current, int next, Instant since) {
    RolloutSettings.Approval approval = in.settings().approval();
    Duration left = Duration.between(in.now(), since.plus(approval.timeout()));
    String before = "waiting for approval (kubectl tap promote) before " + Math.round(in.settings().weight(next) * 100)
        + "% of traffic";
    String at = current.step() == 0 ? "version " + in.target() + " before any traffic"
        : describe(in.target(), current.step(), current.weight());
    Duration gateLook = in.settings().gates().isEmpty() || current.step() == 0 ? null : GATE_LOOK;
    if (left.compareTo(Duration.ZERO) > 0) {
      String why = at + "; " + before + ", for at most " + human(left);
      return new Wait(why, gateLook == null ? left : shorter(left, gateLook), current.withMessage(why));
    }
    if (approval.rollBackOnTimeout()) {
      return rollBack(in, in.stable(), current, "approval timeout", "no kubectl tap promote within "
          + human(approval.timeout()));
    }
    String why = at + "; " + before + ": timed out " + human(left.negated()) + " ago, held until kubectl tap promote or abort";
    return new Wait(why, gateLook, current.withMessage(why));
  }

  /** All traffic on the target: the post-traffic checks through the stage, then the rollout's end. */
  private static RolloutDecision afterLastShift(RolloutInput in, RecordedRollout kept) {
    String serves = "version " + in.target() + " serves all traffic";
    if (in.settings().checks().isEmpty() || kept.stable().equals(in.target())) {
      return new Record(succeeded(kept, serves));
    }
    List<CheckResult> results = in.evidence().check(TrafficPhase.PostTraffic);
    List<CheckResult> all = new ArrayList<>(kept.checks());
    all.addAll(results);
    RecordedRollout current = kept.toBuilder().checks(all).build();
    Optional<CheckResult> failed = TrafficCheckJudge.firstFailed(results);
    if (failed.isPresent()) {
      return rollBack(in, kept.stable(), current, "post-traffic check " + failed.get().getRequest(),
          failed.get().getMessage());
    }
    return new Record(succeeded(current, serves + "; its post-traffic checks passed"));
  }

  /** The record of a promotion: the end of the rollout, or, with traffic checks, the post-traffic checks next. */
  private static RecordedRollout promoted(RolloutInput in, RecordedRollout kept, String why) {
    return in.settings().checks().isEmpty() ? succeeded(kept, why)
        : kept.toBuilder().step(kept.step() + 1).weight(1.0).stepStartedAt(in.now())
            .message(why + "; post-traffic checks next").build();
  }

  private static Duration shorter(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** What sent the traffic back, as messages say it: an alarm by its name, anything else as it is named. */
  static String cause(String alarmOrCause) {
    return alarmOrCause.contains(" ") ? alarmOrCause : "alarm " + alarmOrCause;
  }

  private static RolloutDecision shift(RolloutInput in, RecordedRollout kept) {
    return new Shift(in.stable(), in.target(), kept.step(), kept.weight(), kept);
  }

  /**
   * All traffic back on {@code stable} because of {@code cause} (an alarm's name, kubectl tap abort, a
   * gate, a check or an approval's timeout); {@code current} keeps the results that decided it.
   */
  private static RolloutDecision rollBack(RolloutInput in, String stable, RecordedRollout current, String cause,
      String reason) {
    String message = (cause.contains(" ") ? cause : "alarm " + cause + " fired") + " (" + reason
        + "): all traffic back on version " + stable + ", version "
        + in.target() + " is not tried again";
    RecordedRollout.Builder record = (current == null ? RecordedRollout.builder() : current.toBuilder())
        .phase(RecordedRollout.ROLLED_BACK).stable(stable).target(in.target()).step(0).weight(0).stepStartedAt(in.now())
        .alarm(cause).message(message);
    return new RollBack(stable, in.target(), cause, reason, record.build());
  }

  /** A record in {@code phase} of the input's stable and target versions. */
  private static RecordedRollout.Builder recording(String phase, RolloutInput in) {
    return RecordedRollout.builder().phase(phase).stable(in.stable()).target(in.target());
  }

  private static RecordedRollout start(RolloutInput in, String message) {
    return recording(RecordedRollout.PROGRESSING, in).stepStartedAt(in.now()).startedAt(in.now()).message(message)
        .build();
  }

  private static RecordedRollout step(RolloutInput in, RecordedRollout kept, int step) {
    double weight = in.settings().weight(step);
    return recording(RecordedRollout.PROGRESSING, in).step(step).weight(weight).stepStartedAt(in.now())
        .startedAt(kept.startedAt()).message(describe(in.target(), step, weight)).gates(kept.gates())
        .checks(kept.checks()).build();
  }

  private static RecordedRollout succeeded(RecordedRollout kept, String message) {
    return kept.toBuilder().phase(RecordedRollout.SUCCEEDED).weight(1.0).alarm(null).message(message).build();
  }

  static String describe(String target, int step, double weight) {
    return "version " + target + " at step " + step + " with " + Math.round(weight * 100) + "% of traffic";
  }

  private static String human(Duration left) {
    long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
    return seconds >= 60 ? (seconds / 60) + "m " + (seconds % 60) + "s" : seconds + "s";
  }
}
