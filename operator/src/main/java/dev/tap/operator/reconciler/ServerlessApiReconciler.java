package dev.tap.operator.reconciler;

import dev.tap.operator.alarms.AlarmsDependent;
import dev.tap.operator.api.v1alpha1.AckAnnotations;
import dev.tap.operator.api.v1alpha1.DeletionPolicy;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.api.v1alpha1.ServerlessApiStatus;
import dev.tap.operator.aws.AdoptionPolicy;
import dev.tap.operator.aws.AwsClients;
import dev.tap.operator.aws.AwsFailures;
import dev.tap.operator.aws.AwsPacing;
import dev.tap.operator.aws.AwsSession;
import dev.tap.operator.aws.DeletionPendingException;
import dev.tap.operator.aws.QuotaWaitException;
import dev.tap.operator.aws.RegionResolver;
import dev.tap.operator.aws.RetryLaterException;
import dev.tap.operator.aws.TerminalException;
import dev.tap.operator.events.ChangeRecorder;
import dev.tap.operator.function.FunctionDependent;
import dev.tap.operator.function.SecretStore;
import dev.tap.operator.metrics.OperatorMetrics;
import dev.tap.operator.naming.AwsNames;
import dev.tap.operator.scaling.ScalingDependent;
import dev.tap.operator.restapi.RestApiDependent;
import dev.tap.operator.rollout.RolloutDependent;
import dev.tap.operator.status.ConditionPolicy;
import dev.tap.operator.status.Conditions;
import dev.tap.operator.status.Verdict;
import dev.tap.operator.table.DeletionProtectionGuard;
import dev.tap.operator.table.TableDependent;
import dev.tap.operator.validation.ServerlessApiValidator;
import dev.tap.operator.validation.Violation;
import dev.tap.operator.workflow.DependentOutcome;
import dev.tap.operator.workflow.OutcomeReady;
import dev.tap.operator.workflow.Outcomes;
import dev.tap.operator.workflow.WorkflowDependents;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.api.reconciler.dependent.managed.ManagedWorkflowAndDependentResourceContext;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Reconciles a ServerlessApi: validates the spec (an invalid one is ACK.Terminal and nothing else
 * happens), then runs the workflow of AWS dependents and reports, ACK-style, what AWS holds. It knows
 * no dependent by name: each reports a {@link DependentOutcome}, read back in workflow order (the
 * first one not ready says what is in progress, the earliest "look again" sets the reschedule), and
 * {@link ConditionPolicy} turns the verdict into conditions. The workflow is invoked explicitly so
 * that validation and the region come first. Only status is ever written, never spec or metadata
 * beyond the finalizer.
 */
@Workflow(explicitInvocation = true, dependents = {
    @Dependent(name = "table", type = TableDependent.class, readyPostcondition = OutcomeReady.class),
    @Dependent(name = "scaling", type = ScalingDependent.class, readyPostcondition = OutcomeReady.class,
        dependsOn = "table"),
    @Dependent(name = "function", type = FunctionDependent.class, readyPostcondition = OutcomeReady.class,
        dependsOn = "table"),
    @Dependent(name = "alarms", type = AlarmsDependent.class, readyPostcondition = OutcomeReady.class,
        dependsOn = "table"),
    @Dependent(name = "rollout", type = RolloutDependent.class, readyPostcondition = OutcomeReady.class,
        dependsOn = {"function", "alarms"}),
    @Dependent(name = "restapi", type = RestApiDependent.class, readyPostcondition = OutcomeReady.class,
        dependsOn = "function"),
    // Last in a reconcile, so first in a deletion: a protected table stops the deletion of everything.
    @Dependent(name = "protection", type = DeletionProtectionGuard.class, readyPostcondition = OutcomeReady.class,
        dependsOn = {"scaling", "rollout", "restapi"})
})
// Not generation-aware: SpecOrAckAnnotationChanged lets the ACK annotations' changes through as well.
@ControllerConfiguration(name = ServerlessApiReconciler.NAME, generationAwareEventProcessing = false,
    informer = @Informer(onUpdateFilter = SpecOrAckAnnotationChanged.class))
public class ServerlessApiReconciler implements Reconciler<ServerlessApi>, Cleaner<ServerlessApi> {

  public static final String NAME = "serverlessapi";
  /** The dependents in workflow order, from the annotation above. */
  public static final List<String> DEPENDENTS = WorkflowDependents.names(ServerlessApiReconciler.class);

  static final String REASON_INVALID_SPEC = "InvalidSpec";
  static final String REASON_NO_REGION = "NoRegion";
  static final String REASON_PROGRESSING = "Progressing";
  static final String REASON_QUOTA = "WaitingForQuota";
  static final String REASON_IMMUTABLE = "ImmutableFieldChanged";
  static final String REASON_DELETING = "Deleting";
  static final String REASON_NAME_COLLISION = "NameCollision";
  /** The next reconcile right after this one's status is written. */
  private static final Duration IMMEDIATELY = Duration.ofMillis(1);

  private static final Logger log = LoggerFactory.getLogger(ServerlessApiReconciler.class);

  private final ServerlessApiValidator validator;
  private final AwsClients aws;
  private final RegionResolver regions;
  private final ChangeRecorder changes;
  private final OperatorSettings settings;
  private final Clock clock;
  private final SecretStore secrets;
  private final AwsPacing pacing;
  private final OperatorMetrics metrics;
  private final StatusWriter statusWriter;

  /** {@code aws} are paced by {@code pacing} already; the reconciler only asks it whether a whole pass fits. */
  public ServerlessApiReconciler(ServerlessApiValidator validator, AwsClients aws, RegionResolver regions,
      ChangeRecorder changes, OperatorSettings settings, Clock clock, SecretStore secrets, AwsPacing pacing,
      OperatorMetrics metrics, StatusWriter statusWriter) {
    this.validator = validator;
    this.aws = aws;
    this.regions = regions;
    this.changes = changes;
    this.settings = settings;
    this.clock = clock;
    this.secrets = secrets;
    this.pacing = pacing;
    this.metrics = metrics;
    this.statusWriter = statusWriter;
  }

  @Override
  public UpdateControl<ServerlessApi> reconcile(ServerlessApi resource, Context<ServerlessApi> context) {
    List<Violation> violations = validator.validate(resource);
    if (!violations.isEmpty()) {
      String message = "invalid spec: " + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
      log.info("{}: {}", id(resource), message);
      return answer(resource, context, verdict(new Verdict.Terminal(REASON_INVALID_SPEC, message)), null);
    }
    Optional<String> region = regions.regionOf(resource);
    if (region.isEmpty()) {
      return answer(resource, context, verdict(new Verdict.Terminal(REASON_NO_REGION, "no AWS region: set spec.region, the "
          + AckAnnotations.REGION + " annotation, or AWS_REGION for the operator")), null);
    }
    ResourceIdentity identity = ResourceIdentity.of(resource, region.get());
    Optional<ResourceIdentity> recorded = ResourceIdentity.recorded(resource.getStatus(), identity);
    Optional<String> refusal = recorded.flatMap(r -> r.refusal(identity));
    if (refusal.isPresent()) {
      log.info("{}: {}", id(resource), refusal.get());
      return answer(resource, context, verdict(new Verdict.Terminal(REASON_IMMUTABLE, refusal.get())), null);
    }
    Optional<ServerlessApi> firstClaim = NameCollisions.claimedBefore(resource, region.get(),
        context.getPrimaryCache().list().toList(), regions::regionOf);
    if (firstClaim.isPresent()) {
      String message = "the AWS names of this resource (" + AwsNames.of(resource).table() + ", "
          + AwsNames.of(resource).function() + ", ...) in " + region.get() + " belong to " + id(firstClaim.get())
          + ", which claimed them first; give this resource another name or environment";
      log.info("{}: {}", id(resource), message);
      return answer(resource, context, verdict(new Verdict.Terminal(REASON_NAME_COLLISION, message)),
          settings.resyncInterval());
    }
    if (resource.getStatus() == null || resource.getStatus().getIdentity() == null) {
      // Written before anything is created, so that no crash can lose what the AWS resources are named after.
      return answer(resource, context, (status, conditions) -> {
        identity.record(status);
        ConditionPolicy.apply(conditions, new Verdict.Progressing(REASON_PROGRESSING,
            "recording the AWS names and region before creating anything"), Optional.empty());
      }, IMMEDIATELY);
    }
    ManagedWorkflowAndDependentResourceContext workflow = context.managedWorkflowAndDependentResourceContext();
    AwsSession session = session(resource, region.get());
    workflow.put(AwsSession.class, session);
    WorkflowReconcileResult result = workflow.reconcileManagedWorkflow();

    List<DependentOutcome> outcomes = session.outcomes().inOrder();
    Optional<String> adopted = adopted(outcomes);
    Optional<Duration> earliest = outcomes.stream().flatMap(o -> o.lookAgainIn().stream()).min(Comparator.naturalOrder());
    ServerlessApiStatus reported = new ServerlessApiStatus();
    outcomes.forEach(outcome -> outcome.writeStatus(reported));
    metrics.rolloutPhase(id(resource), reported.getRollout() == null ? null : reported.getRollout().getPhase());
    if (result.allDependentResourcesReady()) {
      recordTimeToReady(resource);
      return answer(resource, context, outcomesAnd(outcomes, new Verdict.Synced(), adopted),
          earlier(settings.resyncInterval(), earliest));
    }
    Optional<DependentOutcome> first = outcomes.stream().filter(o -> !o.ready()).findFirst();
    Verdict progressing = new Verdict.Progressing(first.map(DependentOutcome::reason).orElse(REASON_PROGRESSING),
        first.map(DependentOutcome::progress).orElse("reconciling"));
    return answer(resource, context, outcomesAnd(outcomes, progressing, adopted),
        earlier(settings.pollInterval(), earliest));
  }

  /** The dependents' sections of status, then the conditions of {@code verdict}. */
  private static StatusWriter.StatusUpdate outcomesAnd(List<DependentOutcome> outcomes, Verdict verdict,
      Optional<String> adopted) {
    return (status, conditions) -> {
      outcomes.forEach(outcome -> outcome.writeStatus(status));
      ConditionPolicy.apply(conditions, verdict, adopted);
    };
  }

  private static StatusWriter.StatusUpdate verdict(Verdict verdict) {
    return (status, conditions) -> ConditionPolicy.apply(conditions, verdict, Optional.empty());
  }

  /** Ready again: how long since the status last turned not-ready (the first reconcile of the change). */
  private void recordTimeToReady(ServerlessApi resource) {
    conditionsOf(resource).find(Conditions.READY)
        .filter(c -> !Conditions.TRUE.equals(c.getStatus()) && c.getLastTransitionTime() != null)
        .map(c -> Duration.between(Instant.parse(c.getLastTransitionTime()), clock.instant()))
        .filter(d -> !d.isNegative()).ifPresent(metrics::readyAfter);
  }

  /** Writes status only when it changed, so a converged resource costs the API server nothing. */
  private UpdateControl<ServerlessApi> answer(ServerlessApi resource, Context<ServerlessApi> context,
      StatusWriter.StatusUpdate update, Duration lookAgainIn) {
    statusWriter.write(resource, context, update);
    UpdateControl<ServerlessApi> control = UpdateControl.noUpdate();
    return lookAgainIn == null ? control : control.rescheduleAfter(settings.timer(lookAgainIn));
  }

  /**
   * A failed reconcile: Terminal failures stop retries until the spec or AWS changes; a call held
   * back by a quota is a reschedule for when the quota has room; anything else is Recoverable and
   * retried by JOSDK with exponential backoff ({@link OperatorSettings#retry()}), the message saying
   * what failed and when the next attempt comes. A failure that is neither an AWS nor a Kubernetes
   * API error is a bug: logged with its stack trace.
   */
  @Override
  public ErrorStatusUpdateControl<ServerlessApi> updateErrorStatus(ServerlessApi resource,
      Context<ServerlessApi> context, Exception e) {
    List<DependentOutcome> outcomes = session(context).map(s -> s.outcomes().inOrder()).orElse(List.of());
    Map<String, Exception> failures = failuresOf(e);
    failures.forEach((where, failure) -> {
      if (!(failure instanceof SdkException || failure instanceof KubernetesClientException
          || failure instanceof TerminalException || failure instanceof QuotaWaitException
          || failure instanceof RetryLaterException)) {
        log.warn("{}: {} failed unexpectedly", id(resource), where, failure);
      }
    });
    Optional<Verdict.Terminal> terminal = terminalVerdict(failures, "");
    if (terminal.isPresent()) {
      log.warn("{}: terminal: {}", id(resource), terminal.get().message());
      // No retries; but AWS may change under us (the other owner lets go), so look again at resync pace.
      return noRetryLookingAgainIn(resource, context, outcomesAnd(outcomes, terminal.get(), Optional.empty()),
          settings.resyncInterval());
    }
    List<RetryLaterException> refusedUntil = failures.values().stream().filter(RetryLaterException.class::isInstance)
        .map(RetryLaterException.class::cast).toList();
    if (!refusedUntil.isEmpty()) {
      Duration wait = refusedUntil.stream().map(RetryLaterException::waitFor).min(Comparator.naturalOrder()).orElseThrow();
      String message = describe(failures);
      log.info("{}: recoverable at a known time: {}", id(resource), message);
      // Retried when AWS said it would allow it, not with a backoff that would only be refused again.
      return noRetryLookingAgainIn(resource, context,
          outcomesAnd(outcomes, new Verdict.Recoverable(message), Optional.empty()), wait);
    }
    if (failures.values().stream().allMatch(QuotaWaitException.class::isInstance)) {
      // The earliest turn: each held-back pass has its own, and one missed would be given up.
      Duration wait = failures.values().stream().map(f -> ((QuotaWaitException) f).waitFor())
          .min(Comparator.naturalOrder()).orElse(settings.pollInterval());
      String message = describe(failures);
      log.debug("{}: {}", id(resource), message);
      // When the quota has room again, at most a resync away (so tests that move the clock see it soon).
      return noRetryLookingAgainIn(resource, context,
          outcomesAnd(outcomes, new Verdict.Progressing(REASON_QUOTA, message), Optional.empty()), wait);
    }
    int attempt = attempt(context);
    long nextMillis = settings.retryDelay(attempt).toMillis();
    String message = describe(failures) + " (attempt " + attempt + ", retrying in about " + nextMillis + " ms)";
    log.info("{}: recoverable: {}", id(resource), message);
    statusWriter.write(resource, context, outcomesAnd(outcomes, new Verdict.Recoverable(message), Optional.empty()));
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  private static Optional<AwsSession> session(Context<ServerlessApi> context) {
    return context.managedWorkflowAndDependentResourceContext().get(AwsSession.class, AwsSession.class);
  }

  /** Status written, JOSDK's backoff off, the next look after {@code wait} but no later than a resync. */
  private ErrorStatusUpdateControl<ServerlessApi> noRetryLookingAgainIn(ServerlessApi resource,
      Context<ServerlessApi> context, StatusWriter.StatusUpdate update, Duration wait) {
    statusWriter.write(resource, context, update);
    return ErrorStatusUpdateControl.<ServerlessApi>noStatusUpdate().withNoRetry()
        .rescheduleAfter(settings.timer(earlier(settings.resyncInterval(), Optional.of(wait))));
  }

  /** The first failure a human must act on, as a Terminal verdict whose message starts with {@code prefix}. */
  private static Optional<Verdict.Terminal> terminalVerdict(Map<String, Exception> failures, String prefix) {
    return failures.entrySet().stream().filter(f -> AwsFailures.isTerminal(f.getValue())).findFirst()
        .map(f -> new Verdict.Terminal(f.getValue() instanceof TerminalException t ? t.reason() : "AwsRejected",
            prefix + f.getKey() + ": " + AwsFailures.describe(f.getValue())));
  }

  private static int attempt(Context<ServerlessApi> context) {
    return context.getRetryInfo().map(r -> r.getAttemptCount() + 1).orElse(1);
  }

  /**
   * Delete policy: the dependents delete in reverse workflow order (the protection guard first), each
   * only what carries our owner tag; the finalizer goes once AWS has nothing of ours left, and status
   * says what the deletion waits for meanwhile. Retain: AWS is left alone.
   */
  @Override
  public DeleteControl cleanup(ServerlessApi resource, Context<ServerlessApi> context) {
    metrics.rolloutPhase(id(resource), null);
    DeletionPolicy policy = DeletionPolicies.resolve(resource);
    // What exists in AWS is what the recorded identity names, whatever the spec says now.
    ServerlessApi asCreated = ResourceIdentity.asRecorded(resource);
    Optional<String> region = regions.regionOf(asCreated);
    boolean neverCreated = ResourceIdentity.neverRecorded(resource.getStatus()) || resource.getSpec() == null
        || resource.getSpec().getTable() == null || region.isEmpty();
    if (policy == DeletionPolicy.Retain || neverCreated) {
      log.info("{}: deleted; AWS resources {}", id(resource), neverCreated ? "were never created" : "retained");
      return DeleteControl.defaultDelete();
    }
    ManagedWorkflowAndDependentResourceContext workflow = context.managedWorkflowAndDependentResourceContext();
    workflow.put(AwsSession.class, session(asCreated, region.get()));
    try {
      workflow.cleanupManageWorkflow();
      log.info("{}: deleted with its AWS resources", id(resource));
      return DeleteControl.defaultDelete();
    } catch (AggregatedOperatorException e) {
      Map<String, Exception> failures = failuresOf(e);
      Verdict verdict = deletionVerdict(failures, context);
      log.info("{}: deletion not finished: {}", id(resource), describe(failures));
      statusWriter.write(resource, context, verdict(verdict));
      // The finalizer stays: for a human (terminal), for AWS (pending) or for a retry (recoverable).
      return DeleteControl.noFinalizerRemoval()
          .rescheduleAfter(settings.timer(verdict instanceof Verdict.Terminal ? settings.resyncInterval() : settings.pollInterval()));
    }
  }

  private Verdict deletionVerdict(Map<String, Exception> failures, Context<ServerlessApi> context) {
    Optional<Verdict.Terminal> terminal = terminalVerdict(failures, "cannot delete: ");
    if (terminal.isPresent()) {
      return terminal.get();
    }
    if (failures.values().stream().allMatch(f -> f instanceof DeletionPendingException || f instanceof QuotaWaitException)) {
      return new Verdict.Progressing(REASON_DELETING, "deleting: " + failures.values().stream().map(Exception::getMessage)
          .collect(Collectors.joining("; ")));
    }
    return new Verdict.Recoverable("deleting: " + describe(failures) + " (attempt " + attempt(context) + ")");
  }

  private AwsSession session(ServerlessApi resource, String region) {
    return new AwsSession(resource, region, aws, changes, AdoptionPolicy.of(resource), clock, new Outcomes(DEPENDENTS),
        secrets, pacing);
  }

  private static Optional<String> adopted(List<DependentOutcome> outcomes) {
    List<String> adopted = outcomes.stream().flatMap(o -> o.adopted().stream()).toList();
    return adopted.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", adopted));
  }

  private static Duration earlier(Duration fallback, Optional<Duration> asked) {
    return asked.filter(d -> d.compareTo(fallback) < 0).orElse(fallback);
  }

  /** One line for all failures of a reconcile: {@code dependent: ErrorCode: message; ...}. */
  private static String describe(Map<String, Exception> failures) {
    return failures.entrySet().stream().map(f -> f.getKey() + ": " + AwsFailures.describe(f.getValue()))
        .collect(Collectors.joining("; "));
  }

  private static Map<String, Exception> failuresOf(Exception e) {
    if (e instanceof AggregatedOperatorException aggregated) {
      return aggregated.getAggregatedExceptions();
    }
    // JOSDK's metrics wrap what the reconcile threw in an OperatorException.
    if (e instanceof OperatorException && e.getCause() instanceof Exception cause) {
      return failuresOf(cause);
    }
    return Map.of("reconcile", e);
  }

  private Conditions conditionsOf(ServerlessApi resource) {
    ServerlessApiStatus status = resource.getStatus();
    return new Conditions(status == null ? null : status.getConditions(), generation(resource), clock);
  }

  private static long generation(ServerlessApi resource) {
    Long generation = resource.getMetadata().getGeneration();
    return generation == null ? 0 : generation;
  }

  private static String id(ServerlessApi resource) {
    return resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
  }

}
