package dev.tap.operator.rollout;

import dev.tap.operator.alarms.AlarmsOutcome;
import dev.tap.operator.api.v1alpha1.RolloutHistoryEntry;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AwsServices;
import dev.tap.operator.workflow.AwsSession;
import dev.tap.operator.function.FunctionOutcome;
import dev.tap.operator.function.ObservedFunction;
import dev.tap.operator.naming.AwsNames;
import dev.tap.operator.workflow.AwsDependent;
import dev.tap.operator.workflow.InventoryItem;
import dev.tap.operator.api.v1alpha1.CheckResult;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Moves the environment's alias to the version the function dependent published, step by step, and
 * back when an alarm fires. It reads nothing itself: the function's and the alarms' outcomes of this
 * reconcile hold the alias, the versions and the alarm states; its only call is UpdateAlias.
 */
public final class RolloutDependent extends AwsDependent<RolloutOutcome> {

  public RolloutDependent() {
    super(RolloutOutcome.class);
  }

  @Override
  protected RolloutOutcome sync(ServerlessApi api, AwsSession session) {
    Optional<FunctionOutcome> function = session.outcomes().find(FunctionOutcome.class);
    Optional<String> target = function.flatMap(FunctionOutcome::target);
    if (target.isEmpty() || function.get().observed() == null || function.get().observed().alias().isEmpty()) {
      return new RolloutOutcome(new RolloutDecision.Wait("waiting for the function's version", null, null),
          RolloutCommands.acknowledging(api, Set.of()), history(api));
    }
    ObservedFunction observed = function.get().observed();
    ObservedFunction.Alias alias = observed.alias().get();
    AwsNames names = AwsNames.of(api);
    Optional<AlarmsOutcome> alarms = session.outcomes().find(AlarmsOutcome.class);
    Map.Entry<String, Double> split = alias.weights().entrySet().stream().findFirst().orElse(null);
    RolloutCommands commands = RolloutCommands.read(api, target.get());
    RolloutSettings settings = RolloutSettings.of(api.getSpec().getFunction().getDeployment()).pausedIf(commands.paused());
    AwsRolloutEvidence evidence = new AwsRolloutEvidence(session, names.function(), names.alias(), target.get(),
        api.getSpec().getApi().getStageName(), stageUrl(api, session), settings.checks());
    RolloutInput input = RolloutInput.builder().now(session.clock().instant()).settings(settings).evidence(evidence)
        .stable(alias.version()).commands(commands)
        .additional(split == null ? null : split.getKey()).weight(split == null ? 0 : split.getValue())
        .target(target.get()).pinned(api.getSpec().getFunction().getVersion() != null)
        .splitBlocker(splitBlocker(observed, alias.version(), target.get()))
        .rolledBack(RollbackRecord.version(alias.description()))
        .recorded(RecordedRollout.from(api.getStatus() == null ? null : api.getStatus().getRollout()))
        .rolloutAlarmReady(alarms.map(a -> a.inPlace(names.rolloutErrorsAlarm())).orElse(false))
        .firing(alarms.map(a -> a.firing().entrySet().stream()
            .map(e -> new RolloutInput.FiringAlarm(e.getKey(), e.getValue(), a.firingSince().get(e.getKey()),
                e.getKey().equals(names.rolloutErrorsAlarm()))).toList()).orElse(List.of()))
        .build();
    RolloutDecision decision = RolloutPlanner.next(input);
    RolloutOutcome outcome = new RolloutOutcome(decision,
        RolloutCommands.acknowledging(api, RolloutPlanner.actedOn(input, decision)),
        RolloutHistory.after(history(api), decision, input.now()));
    report(session, outcome);
    tellEvidence(api, session, evidence, decision);
    apply(api, session, names, decision);
    return outcome;
  }

  /** Where post-traffic checks reach the stage: its invoke URL as status.api last recorded it. */
  private static URI stageUrl(ServerlessApi api, AwsSession session) {
    String recorded = api.getStatus() == null || api.getStatus().getApi() == null ? null
        : api.getStatus().getApi().getInvokeUrl();
    return recorded == null ? null : session.stageAddress(URI.create(recorded));
  }

  /** One Event per gate judgement and per round of traffic checks, beside what status records. */
  private static void tellEvidence(ServerlessApi api, AwsSession session, AwsRolloutEvidence evidence,
      RolloutDecision decision) {
    RecordedRollout record = decision.record();
    if (record == null) {
      return;
    }
    boolean allShort = record.gates().stream().allMatch(g -> GateJudge.TOO_FEW.equals(g.getResult()));
    // A step still gathering its minimum of requests says so in status only; its shortfall at the end is an Event.
    if (evidence.read() && !record.gates().isEmpty() && !(allShort && decision instanceof RolloutDecision.Wait)) {
      boolean failed = GateJudge.failed(record.gates()).isPresent();
      boolean shortOfRequests = record.gates().stream().anyMatch(g -> GateJudge.TOO_FEW.equals(g.getResult()));
      session.changed(api, failed ? "AnalysisFailed" : shortOfRequests ? "AnalysisShortOfRequests" : "AnalysisPassed",
          record.gates().stream().map(GateJudge::describe).collect(Collectors.joining("; ")));
    }
    for (TrafficPhase phase : evidence.checked()) {
      List<CheckResult> results = record.checks().stream().filter(c -> phase.name().equals(c.getPhase())).toList();
      boolean failed = TrafficCheckJudge.firstFailed(results).isPresent();
      session.changed(api, phase.name() + (failed ? "ChecksFailed" : "ChecksPassed"), results.stream()
          .map(c -> c.getRequest() + ": " + (c.getMessage() == null ? c.getResult() : c.getMessage()))
          .collect(Collectors.joining("; ")));
    }
  }

  private static void apply(ServerlessApi api, AwsSession session, AwsNames names, RolloutDecision decision) {
    AliasRouting routing = new AliasRouting(session.client(AwsServices.LAMBDA));
    String function = names.function();
    String alias = names.alias();
    decision.accept(new RolloutDecision.Visitor<Void>() {
      @Override
      public Void shift(RolloutDecision.Shift shift) {
        routing.split(function, alias, shift.stable(), shift.target(), shift.weight());
        session.changed(api, "ShiftedTraffic", "alias " + alias + ": " + RolloutPlanner.describe(shift.target(),
            shift.step(), shift.weight()) + ", the rest on version " + shift.stable());
        return null;
      }

      @Override
      public Void promote(RolloutDecision.Promote promote) {
        routing.whole(function, alias, promote.target(), "");
        session.changed(api, "MovedAlias", "alias " + alias + " moved from version " + promote.stable() + " to "
            + promote.target() + ": " + promote.why());
        return null;
      }

      @Override
      public Void rollBack(RolloutDecision.RollBack back) {
        routing.whole(function, alias, back.stable(), RollbackRecord.describe(back.target(), back.alarm()));
        session.changed(api, "RolledBack", "alias " + alias + ": " + back.record().message());
        return null;
      }

      @Override
      public Void abandon(RolloutDecision.Abandon abandon) {
        routing.whole(function, alias, abandon.stable(), "");
        session.changed(api, "AbandonedRollout", "alias " + alias + ": version " + abandon.abandoned()
            + " abandoned mid-rollout for version " + abandon.target() + "; all traffic on version " + abandon.stable());
        return null;
      }

      @Override
      public Void retry(RolloutDecision.Retry retry) {
        routing.whole(function, alias, retry.stable(), "");
        session.changed(api, "RetriedRollout", "alias " + alias + ": version " + retry.target()
            + " is tried again (kubectl tap retry); all traffic stays on version " + retry.stable() + " until its first step");
        return null;
      }

      @Override
      public Void inSync(RolloutDecision.InSync inSync) {
        return null;
      }

      /** Status records it; the next reconcile applies it. */
      @Override
      public Void record(RolloutDecision.Record record) {
        return null;
      }

      @Override
      public Void waitFor(RolloutDecision.Wait wait) {
        return null;
      }

      @Override
      public Void halted(RolloutDecision.Halted halted) {
        return null;
      }
    });
  }

  private static List<RolloutHistoryEntry> history(ServerlessApi api) {
    return api.getStatus() == null || api.getStatus().getRolloutHistory() == null ? List.of()
        : api.getStatus().getRolloutHistory();
  }

  /** Lambda splits an alias only between versions with the same execution role. */
  private static String splitBlocker(ObservedFunction function, String stable, String target) {
    String from = function.versions().stream().filter(v -> v.number().equals(stable)).findFirst()
        .map(v -> v.config().role()).orElse(null);
    String to = function.versions().stream().filter(v -> v.number().equals(target)).findFirst()
        .map(v -> v.config().role()).orElse(null);
    return from != null && to != null && !from.equals(to) ? "the execution role changes" : null;
  }

  /** The alias belongs to the function; deleting the function removes it. */
  @Override
  protected void cleanup(ServerlessApi api, AwsSession session) {
    // Nothing of its own in AWS.
  }

  /** The function's inventory line shows the alias and its weights. */
  @Override
  public List<InventoryItem> inventory(ServerlessApi api, AwsSession session) {
    return List.of();
  }
}
