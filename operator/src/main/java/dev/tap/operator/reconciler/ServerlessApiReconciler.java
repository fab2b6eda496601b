package dev.tap.operator.reconciler;

import dev.tap.operator.api.v1alpha1.AckAnnotations;
import dev.tap.operator.api.v1alpha1.DeletionPolicy;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.api.v1alpha1.ServerlessApiStatus;
import dev.tap.operator.aws.AwsClients;
import dev.tap.operator.aws.AwsFailures;
import dev.tap.operator.aws.AwsSession;
import dev.tap.operator.aws.RegionResolver;
import dev.tap.operator.aws.TerminalException;
import dev.tap.operator.events.ChangeRecorder;
import dev.tap.operator.scaling.ScalingDependent;
import dev.tap.operator.scaling.ScalingOutcome;
import dev.tap.operator.scaling.ScalingReady;
import dev.tap.operator.status.AwsStatus;
import dev.tap.operator.status.Conditions;
import dev.tap.operator.table.TableAction;
import dev.tap.operator.table.TableDependent;
import dev.tap.operator.table.TableOutcome;
import dev.tap.operator.table.TableReady;
import dev.tap.operator.validation.ServerlessApiValidator;
import dev.tap.operator.validation.Violation;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a ServerlessApi: validates the spec (an invalid one is ACK.Terminal and nothing else
 * happens), then runs the workflow of AWS dependents and reports, ACK-style, what AWS holds.
 * The workflow is invoked explicitly so that validation and the region come first. Only status
 * is ever written, never spec or metadata beyond the finalizer.
 */
@Workflow(explicitInvocation = true, dependents = {
    @Dependent(name = ServerlessApiReconciler.TABLE, type = TableDependent.class, readyPostcondition = TableReady.class),
    @Dependent(name = ServerlessApiReconciler.SCALING, type = ScalingDependent.class, readyPostcondition = ScalingReady.class,
        dependsOn = ServerlessApiReconciler.TABLE)
})
@ControllerConfiguration(name = ServerlessApiReconciler.NAME)
public class ServerlessApiReconciler implements Reconciler<ServerlessApi>, Cleaner<ServerlessApi> {

  public static final String NAME = "serverlessapi";
  static final String TABLE = "table";
  static final String SCALING = "scaling";

  static final String REASON_INVALID_SPEC = "InvalidSpec";
  static final String REASON_NO_REGION = "NoRegion";
  static final String REASON_SYNCED = "Synced";
  static final String REASON_PROGRESSING = "Progressing";
  static final String REASON_RETRYING = "Retrying";
  static final String REASON_ADOPTED = "Adopted";

  private static final Logger log = LoggerFactory.getLogger(ServerlessApiReconciler.class);

  private final ServerlessApiValidator validator;
  private final AwsClients aws;
  private final RegionResolver regions;
  private final ChangeRecorder changes;
  private final OperatorSettings settings;
  private final Clock clock;

  public ServerlessApiReconciler(ServerlessApiValidator validator, AwsClients aws, RegionResolver regions,
      ChangeRecorder changes, OperatorSettings settings, Clock clock) {
    this.validator = validator;
    this.aws = aws;
    this.regions = regions;
    this.changes = changes;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public UpdateControl<ServerlessApi> reconcile(ServerlessApi resource, Context<ServerlessApi> context) {
    String statusBefore = Serialization.asJson(resource.getStatus());
    ServerlessApiStatus status = statusOf(resource);
    Conditions conditions = conditionsOf(resource);
    List<Violation> violations = validator.validate(resource);
    if (!violations.isEmpty()) {
      String message = "invalid spec: " + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
      log.info("{}: {}", id(resource), message);
      terminal(conditions, REASON_INVALID_SPEC, message);
      return answer(resource, statusBefore, status, conditions, null);
    }
    Optional<String> region = regions.regionOf(resource);
    if (region.isEmpty()) {
      terminal(conditions, REASON_NO_REGION, "no AWS region: set spec.region, the " + AckAnnotations.REGION
          + " annotation, or AWS_REGION for the operator");
      return answer(resource, statusBefore, status, conditions, null);
    }
    ManagedWorkflowAndDependentResourceContext workflow = context.managedWorkflowAndDependentResourceContext();
    workflow.put(AwsSession.class, session(resource, region.get()));
    WorkflowReconcileResult result = workflow.reconcileManagedWorkflow();

    TableOutcome table = workflow.get(TableOutcome.class, TableOutcome.class).orElse(null);
    writeAwsStatus(status, workflow, region.get());
    conditions.remove(Conditions.TERMINAL).remove(Conditions.RECOVERABLE);
    if (table != null && table.adopted()) {
      conditions.set(Conditions.ADOPTED, Conditions.TRUE, REASON_ADOPTED, "adopted the existing table " + table.observed().name());
    }
    if (result.allDependentResourcesReady()) {
      conditions.remove(Conditions.PROGRESSING)
          .set(Conditions.RESOURCE_SYNCED, Conditions.TRUE, REASON_SYNCED, "AWS matches the spec")
          .set(Conditions.READY, Conditions.TRUE, REASON_SYNCED, "the table and its auto scaling are in place");
      return answer(resource, statusBefore, status, conditions, settings.resyncInterval());
    }
    String progress = progress(table);
    conditions.set(Conditions.PROGRESSING, Conditions.TRUE, REASON_PROGRESSING, progress)
        .set(Conditions.RESOURCE_SYNCED, Conditions.FALSE, REASON_PROGRESSING, progress)
        .set(Conditions.READY, Conditions.FALSE, REASON_PROGRESSING, progress);
    return answer(resource, statusBefore, status, conditions, settings.pollInterval());
  }

  /** Patches status only when it changed, so a converged resource costs the API server nothing. */
  private static UpdateControl<ServerlessApi> answer(ServerlessApi resource, String statusBefore,
      ServerlessApiStatus status, Conditions conditions, Duration lookAgainIn) {
    ServerlessApi patch = statusPatch(resource, status, conditions);
    UpdateControl<ServerlessApi> control = statusBefore.equals(Serialization.asJson(patch.getStatus()))
        ? UpdateControl.noUpdate() : UpdateControl.patchStatus(patch);
    return lookAgainIn == null ? control : control.rescheduleAfter(lookAgainIn);
  }

  /**
   * A failed reconcile: Terminal failures stop retries until the spec changes; anything else is
   * Recoverable and retried by JOSDK with exponential backoff ({@link OperatorSettings#retry()}),
   * the message saying what failed and when the next attempt comes.
   */
  @Override
  public ErrorStatusUpdateControl<ServerlessApi> updateErrorStatus(ServerlessApi resource,
      Context<ServerlessApi> context, Exception e) {
    ServerlessApiStatus status = statusOf(resource);
    Conditions conditions = conditionsOf(resource);
    ManagedWorkflowAndDependentResourceContext workflow = context.managedWorkflowAndDependentResourceContext();
    workflow.get(AwsSession.class, AwsSession.class).ifPresent(session -> writeAwsStatus(status, workflow, session.region()));
    Map<String, Exception> failures = failuresOf(e);
    Optional<Map.Entry<String, Exception>> terminal = failures.entrySet().stream()
        .filter(f -> AwsFailures.isTerminal(f.getValue())).findFirst();
    if (terminal.isPresent()) {
      Exception failure = terminal.get().getValue();
      String reason = failure instanceof TerminalException t ? t.reason() : "AwsRejected";
      String message = terminal.get().getKey() + ": " + AwsFailures.describe(failure);
      log.warn("{}: terminal: {}", id(resource), message);
      terminal(conditions, reason, message);
      // No retries; but AWS may change under us (the other owner lets go), so look again at resync pace.
      return ErrorStatusUpdateControl.patchStatus(statusPatch(resource, status, conditions)).withNoRetry()
          .rescheduleAfter(settings.resyncInterval());
    }
    int attempt = context.getRetryInfo().map(r -> r.getAttemptCount() + 1).orElse(1);
    long nextMillis = settings.retryDelay(attempt).toMillis();
    String message = describe(failures) + " (attempt " + attempt + ", retrying in about " + nextMillis + " ms)";
    log.info("{}: recoverable: {}", id(resource), message);
    conditions.set(Conditions.RECOVERABLE, Conditions.TRUE, REASON_RETRYING, message)
        .remove(Conditions.TERMINAL)
        .set(Conditions.RESOURCE_SYNCED, Conditions.UNKNOWN, REASON_RETRYING, message)
        .set(Conditions.READY, Conditions.FALSE, REASON_RETRYING, message);
    return ErrorStatusUpdateControl.patchStatus(statusPatch(resource, status, conditions));
  }

  /** Delete policy: the dependents delete in reverse order (scaling, then the table). Retain: AWS is left alone. */
  @Override
  public DeleteControl cleanup(ServerlessApi resource, Context<ServerlessApi> context) {
    DeletionPolicy policy = DeletionPolicies.resolve(resource);
    Optional<String> region = regions.regionOf(resource);
    boolean neverCreated = resource.getSpec() == null || resource.getSpec().getEnvironment() == null
        || resource.getSpec().getTable() == null || region.isEmpty();
    if (policy == DeletionPolicy.Retain || neverCreated) {
      log.info("{}: deleted; AWS resources {}", id(resource), neverCreated ? "were never created" : "retained");
      return DeleteControl.defaultDelete();
    }
    ManagedWorkflowAndDependentResourceContext workflow = context.managedWorkflowAndDependentResourceContext();
    workflow.put(AwsSession.class, session(resource, region.get()));
    try {
      workflow.cleanupManageWorkflow();
      return DeleteControl.defaultDelete();
    } catch (AggregatedOperatorException e) {
      Map<String, Exception> failures = failuresOf(e);
      boolean terminal = failures.values().stream().anyMatch(AwsFailures::isTerminal);
      log.warn("{}: cannot delete AWS resources yet: {}", id(resource), describe(failures));
      // Deletion waits for a human (terminal) or for AWS (recoverable); either way the finalizer stays.
      return DeleteControl.noFinalizerRemoval()
          .rescheduleAfter(terminal ? settings.resyncInterval() : settings.pollInterval());
    }
  }

  private AwsSession session(ServerlessApi resource, String region) {
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    String adoption = annotations == null ? null : annotations.get(AckAnnotations.ADOPTION_POLICY);
    return new AwsSession(region, aws.dynamoDb(region), aws.autoScaling(region), changes, adoption != null);
  }

  private static String progress(TableOutcome table) {
    if (table == null) {
      return "reconciling";
    }
    TableAction action = table.action();
    if (action instanceof TableAction.Wait wait) {
      return "waiting: " + wait.reason();
    }
    if (action instanceof TableAction.Create) {
      return "creating the table";
    }
    if (action instanceof TableAction.InSync) {
      return "applying auto scaling";
    }
    return "applying changes to the table";
  }

  /** What the dependents of this reconcile observed, into the status sections. */
  private static void writeAwsStatus(ServerlessApiStatus status, ManagedWorkflowAndDependentResourceContext workflow,
      String region) {
    AwsStatus.write(status, region, workflow.get(TableOutcome.class, TableOutcome.class).orElse(null),
        workflow.get(ScalingOutcome.class, ScalingOutcome.class).orElse(null));
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
    return Map.of("reconcile", e);
  }

  private void terminal(Conditions conditions, String reason, String message) {
    conditions.set(Conditions.TERMINAL, Conditions.TRUE, reason, message)
        .remove(Conditions.RECOVERABLE).remove(Conditions.PROGRESSING)
        .set(Conditions.RESOURCE_SYNCED, Conditions.FALSE, reason, "a human must act first: " + message)
        .set(Conditions.READY, Conditions.FALSE, reason, message);
  }

  private static ServerlessApiStatus statusOf(ServerlessApi resource) {
    return resource.getStatus() == null ? new ServerlessApiStatus() : resource.getStatus();
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

  /** A fresh object holding only identity and the new status, so a patch can never touch spec. */
  private static ServerlessApi statusPatch(ServerlessApi resource, ServerlessApiStatus status, Conditions conditions) {
    status.setObservedGeneration(generation(resource));
    status.setConditions(conditions.asList());
    ServerlessApi patch = new ServerlessApi();
    patch.setMetadata(new ObjectMeta());
    patch.getMetadata().setName(resource.getMetadata().getName());
    patch.getMetadata().setNamespace(resource.getMetadata().getNamespace());
    patch.setStatus(status);
    return patch;
  }
}
