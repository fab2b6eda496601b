package dev.tap.operator.reconciler;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.api.v1alpha1.ServerlessApiStatus;
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way status reaches the API server, read-your-writes: the whole status, under the
 * controller's field manager, with the resourceVersion of the copy it was computed from, so that a
 * write based on a copy the server has moved past is refused (409) instead of applied to a shifted
 * list; JOSDK's {@link PrimaryUpdateAndCacheUtils} then waits for its cache to move, computes the
 * status again on the newer copy and writes again, and caches what the server returns so that the
 * next reconcile reads this write even before the watch delivers it.
 *
 * <p>On API servers that implement server-side apply (every real one) the status is applied, with
 * force, as JOSDK does by default; on the in-process API servers of the tests and the embedded sandbox,
 * which have none, it is an RFC 6902 patch that sets the resourceVersion and adds the status whole
 * (without a field manager: they keep no managed fields, and fabric8's mock mistakes a status path
 * with a query for the resource's own).
 */
public final class StatusWriter {

  /** What one reconcile learned, applied to whichever copy of the resource is current when it is written. */
  @FunctionalInterface
  public interface StatusUpdate {
    void applyTo(ServerlessApiStatus status, Conditions conditions);
  }

  private static final Logger log = LoggerFactory.getLogger(StatusWriter.class);

  private final boolean serverSideApply;
  private final Clock clock;

  public StatusWriter(boolean serverSideApply, Clock clock) {
    this.serverSideApply = serverSideApply;
    this.clock = clock;
  }

  /** Writes what {@code update} makes of {@code resource}'s status, unless that changes nothing. */
  public void write(ServerlessApi resource, Context<ServerlessApi> context, StatusUpdate update) {
    ServerlessApi patch = patchFor(resource, update);
    if (Serialization.asJson(resource.getStatus()).equals(Serialization.asJson(patch.getStatus()))) {
      return;
    }
    String fieldManager = context.getControllerConfiguration().fieldManager();
    // The first attempt writes what was just compared; a retry computes the status again on the newer copy.
    PrimaryUpdateAndCacheUtils.updateAndCacheResource(resource, context,
        current -> current == resource ? patch : patchFor(current, update),
        written -> serverSideApply ? apply(written, context, fieldManager) : patchWhole(written, context));
  }

  private static ServerlessApi apply(ServerlessApi patch, Context<ServerlessApi> context, String fieldManager) {
    return context.getClient().resource(patch).subresource("status").patch(new PatchContext.Builder()
        .withPatchType(PatchType.SERVER_SIDE_APPLY).withFieldManager(fieldManager).withForce(true).build());
  }

  private static ServerlessApi patchWhole(ServerlessApi patch, Context<ServerlessApi> context) {
    String body = "[{\"op\":\"replace\",\"path\":\"/metadata/resourceVersion\",\"value\":"
        + Serialization.asJson(patch.getMetadata().getResourceVersion()) + "},"
        + "{\"op\":\"add\",\"path\":\"/status\",\"value\":" + Serialization.asJson(patch.getStatus()) + "}]";
    log.debug("{}/{}: status written on resourceVersion {}", patch.getMetadata().getNamespace(),
        patch.getMetadata().getName(), patch.getMetadata().getResourceVersion());
    return context.getClient().resources(ServerlessApi.class).inNamespace(patch.getMetadata().getNamespace())
        .withName(patch.getMetadata().getName()).subresource("status")
        .patch(PatchContext.of(PatchType.JSON), body);
  }

  /** A fresh object holding only identity and the new status, so a write can never touch spec. */
  private ServerlessApi patchFor(ServerlessApi current, StatusUpdate update) {
    long generation = current.getMetadata().getGeneration() == null ? 0 : current.getMetadata().getGeneration();
    ServerlessApiStatus status = current.getStatus() == null ? new ServerlessApiStatus()
        : Serialization.jsonMapper().convertValue(current.getStatus(), ServerlessApiStatus.class);
    Conditions conditions = new Conditions(status.getConditions(), generation, clock);
    update.applyTo(status, conditions);
    status.setObservedGeneration(generation);
    status.setConditions(conditions.asList());
    ServerlessApi patch = new ServerlessApi();
    patch.setMetadata(new ObjectMeta());
    patch.getMetadata().setName(current.getMetadata().getName());
    patch.getMetadata().setNamespace(current.getMetadata().getNamespace());
    patch.getMetadata().setResourceVersion(current.getMetadata().getResourceVersion());
    patch.setStatus(status);
    return patch;
  }
}
