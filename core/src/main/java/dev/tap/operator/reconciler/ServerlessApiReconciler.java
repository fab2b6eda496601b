package dev.tap.operator.reconciler;

import dev.tap.operator.api.v1alpha1.DeletionPolicy;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.api.v1alpha1.ServerlessApiStatus;
import dev.tap.operator.workflow.AwsSession;
import dev.tap.operator.aws.RegionResolver;
import dev.tap.operator.metrics.OperatorMetrics;
import dev.tap.operator.status.ConditionPolicy;
import dev.tap.operator.status.Conditions;
import dev.tap.operator.status.Verdict;
import dev.tap.operator.workflow.DependentOutcome;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.dependent.managed.ManagedWorkflowAndDependentResourceContext;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a ServerlessApi as a chain: {@link Preflight} (a valid spec, a region, an unchanged
 * identity, names claimed first, the identity recorded), then the workflow of AWS dependents, then
 * the verdict ({@link WorkflowVerdict} from the outcomes, {@link FailureVerdicts} from what they
 * threw), then the one status write ({@link StatusWriter}). It knows no dependent: the workflow is
 * declared on the subclass JOSDK runs ({@code dev.tap.operator.ServerlessApiController}), each
 * dependent reports a {@link DependentOutcome}, read back in workflow order, and
 * {@link ConditionPolicy} turns the verdict into conditions. Only status is ever written, never spec
 * or metadata beyond the finalizer.
 */
public class ServerlessApiReconciler implements Reconciler<ServerlessApi>, Cleaner<ServerlessApi> {

  public static final String NAME = "serverlessapi";

  private static final Logger log = LoggerFactory.getLogger(ServerlessApiReconciler.class);

  private final Preflight preflight;
  private final RegionResolver regions;
  private final AwsSessionFactory sessions;
  private final StatusWriter statusWriter;
  private final OperatorSettings settings;
  private final Clock clock;
  private final OperatorMetrics metrics;
  private final QuotaWaits quotaWaits;

  public ServerlessApiReconciler(Preflight preflight, RegionResolver regions, AwsSessionFactory sessions,
      StatusWriter statusWriter, OperatorSettings settings, Clock clock, OperatorMetrics metrics) {
    this.preflight = preflight;
    this.regions = regions;
    this.sessions = sessions;
    this.statusWriter = statusWriter;
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
    this.quotaWaits = new QuotaWaits(sessions.pacing(), settings.resyncInterval(), clock);
  }

  @Override
  public UpdateControl<ServerlessApi> reconcile(ServerlessApi resource, Context<ServerlessApi> context) {
    Preflight.Result checked = preflight.check(resource, context.getPrimaryCache().list().toList());
    if (checked instanceof Preflight.Result.Stop stop) {
      return answer(resource, context, stop.update(), stop.lookAgainIn());
    }
    Optional<Duration> untilTurn = quotaWaits.untilTurn(resource);
    if (untilTurn.isPresent()) {
      // Status already says what it waits for.
      return UpdateControl.<ServerlessApi>noUpdate()
          .rescheduleAfter(settings.timer(earlier(settings.resyncInterval(), untilTurn)));
    }
    String region = ((Preflight.Result.Proceed) checked).region();
    sessions.pacing().callsOf(id(resource));
    ManagedWorkflowAndDependentResourceContext workflow = context.managedWorkflowAndDependentResourceContext();
    AwsSession session = sessions.open(resource, region);
    session.outcomes().trust(quotaWaits.trusted(resource));
    workflow.put(AwsSession.class, session);
    WorkflowReconcileResult result = workflow.reconcileManagedWorkflow();

    quotaWaits.done(resource);
    List<DependentOutcome> outcomes = session.outcomes().inOrder();
    WorkflowVerdict verdict = WorkflowVerdict.of(outcomes, result.allDependentResourcesReady());
    ServerlessApiStatus reported = new ServerlessApiStatus();
    outcomes.forEach(outcome -> outcome.writeStatus(reported));
    metrics.rolloutPhase(id(resource), reported.getRollout() == null ? null : reported.getRollout().getPhase());
    metrics.resourceState(id(resource), state(verdict.verdict()));
    if (verdict.verdict() instanceof Verdict.Synced) {
      recordTimeToReady(resource);
    }
    Duration fallback = settings.pollInterval();
    if (verdict.verdict() instanceof Verdict.Synced) {
      fallback = ResyncPace.interval(settings.resyncInterval(), sessions.pacing().callsOf(id(resource)),
          context.getPrimaryCache().list().count());
      metrics.resyncInterval(fallback);
    }
    return answer(resource, context, outcomesAnd(outcomes, verdict.verdict(), verdict.adopted()),
        Optional.of(earlier(fallback, verdict.earliest())));
  }

  /**
   * A failed reconcile, as {@link FailureVerdicts} decides: no retries but a look at a known time
   * (Terminal, refused until a time, held by a quota), or JOSDK's exponential backoff
   * ({@link OperatorSettings#retry()}). A failure that is neither an AWS nor a Kubernetes API error is
   * a bug: logged with its stack trace.
   */
  @Override
  public ErrorStatusUpdateControl<ServerlessApi> updateErrorStatus(ServerlessApi resource,
      Context<ServerlessApi> context, Exception e) {
    List<DependentOutcome> outcomes = session(context).map(s -> s.outcomes().inOrder()).orElse(List.of());
    Map<String, Exception> failures = FailureVerdicts.failuresOf(e);
    if (FailureVerdicts.onlyQuotaWaits(failures)) {
      quotaWaits.heldBack(resource, session(context).map(s -> s.outcomes().named()).orElse(Map.of()));
    } else {
      quotaWaits.done(resource);
    }
    failures.forEach((where, failure) -> {
      if (FailureVerdicts.unexpected(failure)) {
        log.warn("{}: {} failed unexpectedly", id(resource), where, failure);
      }
    });
    int attempt = attempt(context);
    FailureVerdicts.Decision decision = FailureVerdicts.ofReconcile(failures, attempt, settings.retryDelay(attempt),
        settings.resyncInterval(), outcomes.stream().filter(o -> !o.ready()).map(DependentOutcome::lookAgainIn)
            .flatMap(Optional::stream).min(Duration::compareTo));
    if (decision.verdict() instanceof Verdict.Terminal terminal) {
      log.warn("{}: terminal: {}", id(resource), terminal.message());
    } else if (decision.verdict() instanceof Verdict.Recoverable recoverable) {
      log.info("{}: recoverable: {}", id(resource), recoverable.message());
    } else {
      log.debug("{}: {}", id(resource), FailureVerdicts.describe(failures));
    }
    statusWriter.write(resource, context, outcomesAnd(outcomes, decision.verdict(), Optional.empty()));
    metrics.resourceState(id(resource), state(decision.verdict()));
    return decision.lookAgainIn().map(wait -> ErrorStatusUpdateControl.<ServerlessApi>noStatusUpdate().withNoRetry()
        .rescheduleAfter(settings.timer(earlier(settings.resyncInterval(), Optional.of(wait)))))
        .orElseGet(ErrorStatusUpdateControl::noStatusUpdate);
  }

  /**
   * Delete policy: the dependents delete in reverse workflow order (the protection guard first), each
   * only what carries our owner tag; the finalizer goes once AWS has nothing of ours left, and status
   * says what the deletion waits for meanwhile. Retain: AWS is left alone.
   */
  @Override
  public DeleteControl cleanup(ServerlessApi resource, Context<ServerlessApi> context) {
    metrics.rolloutPhase(id(resource), null);
    metrics.resourceState(id(resource), null);
    DeletionPolicy policy = DeletionPolicies.resolve(resource);
    // What exists in AWS is what the recorded identity names, whatever the spec says now. A status lost
    // (a restore without it) records nothing: the spec's immutable environment and region then name it,
    // and AWS, not the status, says whether anything was created.
    ServerlessApi asCreated = ResourceIdentity.asRecorded(resource);
    Optional<String> region = regions.regionOf(asCreated);
    boolean unnamed = resource.getSpec() == null || resource.getSpec().getTable() == null || region.isEmpty();
    if (policy == DeletionPolicy.Retain || unnamed) {
      log.info("{}: deleted; AWS resources {}", id(resource), unnamed ? "unnamed (no valid spec or region)" : "retained");
      return DeleteControl.defaultDelete();
    }
    ManagedWorkflowAndDependentResourceContext workflow = context.managedWorkflowAndDependentResourceContext();
    workflow.put(AwsSession.class, sessions.open(asCreated, region.get()));
    try {
      workflow.cleanupManageWorkflow();
      log.info("{}: deleted with its AWS resources", id(resource));
      return DeleteControl.defaultDelete();
    } catch (AggregatedOperatorException e) {
      Map<String, Exception> failures = FailureVerdicts.failuresOf(e);
      Verdict verdict = FailureVerdicts.ofDeletion(failures, attempt(context));
      log.info("{}: deletion not finished: {}", id(resource), FailureVerdicts.describe(failures));
      statusWriter.write(resource, context, outcomesAnd(List.of(), verdict, Optional.empty()));
      // The finalizer stays: for a human (terminal), for AWS (pending) or for a retry (recoverable).
      return DeleteControl.noFinalizerRemoval()
          .rescheduleAfter(settings.timer(verdict instanceof Verdict.Terminal ? settings.resyncInterval() : settings.pollInterval()));
    }
  }

  /** The dependents' sections of status, then the conditions of {@code verdict}. */
  private static StatusWriter.StatusUpdate outcomesAnd(List<DependentOutcome> outcomes, Verdict verdict,
      Optional<String> adopted) {
    return (status, conditions) -> {
      outcomes.forEach(outcome -> outcome.writeStatus(status));
      ConditionPolicy.apply(conditions, verdict, adopted);
    };
  }

  /** Writes status only when it changed, so a converged resource costs the API server nothing. */
  private UpdateControl<ServerlessApi> answer(ServerlessApi resource, Context<ServerlessApi> context,
      StatusWriter.StatusUpdate update, Optional<Duration> lookAgainIn) {
    statusWriter.write(resource, context, update);
    UpdateControl<ServerlessApi> control = UpdateControl.noUpdate();
    return lookAgainIn.map(wait -> control.rescheduleAfter(settings.timer(wait))).orElse(control);
  }

  /** Ready again: how long since the status last turned not-ready (the first reconcile of the change). */
  private void recordTimeToReady(ServerlessApi resource) {
    ServerlessApiStatus status = resource.getStatus();
    new Conditions(status == null ? null : status.getConditions(), 0, clock).find(Conditions.READY)
        .filter(c -> !Conditions.TRUE.equals(c.getStatus()) && c.getLastTransitionTime() != null)
        .map(c -> Duration.between(Instant.parse(c.getLastTransitionTime()), clock.instant()))
        .filter(d -> !d.isNegative()).ifPresent(metrics::readyAfter);
  }

  /** The state {@code /metrics} shows: Stalled as kstatus names a resource that needs a human. */
  private static String state(Verdict verdict) {
    if (verdict instanceof Verdict.Synced) {
      return "Ready";
    }
    if (verdict instanceof Verdict.Terminal) {
      return "Stalled";
    }
    return verdict instanceof Verdict.Recoverable ? "Retrying" : "Progressing";
  }

  private static Optional<AwsSession> session(Context<ServerlessApi> context) {
    return context.managedWorkflowAndDependentResourceContext().get(AwsSession.class, AwsSession.class);
  }

  private static int attempt(Context<ServerlessApi> context) {
    return context.getRetryInfo().map(r -> r.getAttemptCount() + 1).orElse(1);
  }

  private static Duration earlier(Duration fallback, Optional<Duration> asked) {
    return asked.filter(d -> d.compareTo(fallback) < 0).orElse(fallback);
  }

  private static String id(ServerlessApi resource) {
    return resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
  }
}
