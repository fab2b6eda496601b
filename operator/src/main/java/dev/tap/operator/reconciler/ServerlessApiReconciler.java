package dev.tap.operator.reconciler;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.api.v1alpha1.ServerlessApiStatus;
import dev.tap.operator.status.Conditions;
import dev.tap.operator.validation.ServerlessApiValidator;
import dev.tap.operator.validation.Violation;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates each ServerlessApi with the CRD's rules and the operator's own, and reports the verdict
 * in status. An invalid spec is ACK.Terminal: nothing else happens until the spec changes.
 * Only status is ever written, never spec or metadata beyond the finalizer.
 */
@ControllerConfiguration(name = ServerlessApiReconciler.NAME)
public class ServerlessApiReconciler implements Reconciler<ServerlessApi>, Cleaner<ServerlessApi> {

  public static final String NAME = "serverlessapi";
  static final String REASON_INVALID_SPEC = "InvalidSpec";
  static final String REASON_NOT_RECONCILED = "AwsNotReconciled";
  static final String REASON_ERROR = "ReconcileError";

  private static final Logger log = LoggerFactory.getLogger(ServerlessApiReconciler.class);

  private final ServerlessApiValidator validator;
  private final Clock clock;

  public ServerlessApiReconciler(ServerlessApiValidator validator, Clock clock) {
    this.validator = validator;
    this.clock = clock;
  }

  @Override
  public UpdateControl<ServerlessApi> reconcile(ServerlessApi resource, Context<ServerlessApi> context) {
    Conditions conditions = conditionsOf(resource);
    List<Violation> violations = validator.validate(resource);
    if (!violations.isEmpty()) {
      String message = "invalid spec: " + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
      log.info("{}/{}: {}", resource.getMetadata().getNamespace(), resource.getMetadata().getName(), message);
      conditions.set(Conditions.TERMINAL, Conditions.TRUE, REASON_INVALID_SPEC, message)
          .remove(Conditions.RECOVERABLE)
          .set(Conditions.RESOURCE_SYNCED, Conditions.FALSE, REASON_INVALID_SPEC, "the spec must be fixed first")
          .set(Conditions.READY, Conditions.FALSE, REASON_INVALID_SPEC, message);
    } else {
      String message = "the spec is valid; this operator version does not reconcile AWS resources yet";
      conditions.remove(Conditions.TERMINAL).remove(Conditions.RECOVERABLE)
          .set(Conditions.RESOURCE_SYNCED, Conditions.UNKNOWN, REASON_NOT_RECONCILED, message)
          .set(Conditions.READY, Conditions.FALSE, REASON_NOT_RECONCILED, message);
    }
    return UpdateControl.patchStatus(statusPatch(resource, conditions));
  }

  @Override
  public ErrorStatusUpdateControl<ServerlessApi> updateErrorStatus(ServerlessApi resource,
      Context<ServerlessApi> context, Exception e) {
    String message = "reconcile failed, retrying: " + e.getMessage();
    Conditions conditions = conditionsOf(resource)
        .set(Conditions.RECOVERABLE, Conditions.TRUE, REASON_ERROR, message)
        .set(Conditions.RESOURCE_SYNCED, Conditions.UNKNOWN, REASON_ERROR, message)
        .set(Conditions.READY, Conditions.FALSE, REASON_ERROR, message);
    return ErrorStatusUpdateControl.patchStatus(statusPatch(resource, conditions));
  }

  @Override
  public DeleteControl cleanup(ServerlessApi resource, Context<ServerlessApi> context) {
    return DeleteControl.defaultDelete();
  }

  private Conditions conditionsOf(ServerlessApi resource) {
    ServerlessApiStatus status = resource.getStatus();
    return new Conditions(status == null ? null : status.getConditions(), generation(resource), clock);
  }

  private static long generation(ServerlessApi resource) {
    Long generation = resource.getMetadata().getGeneration();
    return generation == null ? 0 : generation;
  }

  /** A fresh object holding only identity and the new status, so a patch can never touch spec. */
  private static ServerlessApi statusPatch(ServerlessApi resource, Conditions conditions) {
    ServerlessApiStatus status = resource.getStatus() == null ? new ServerlessApiStatus() : resource.getStatus();
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
