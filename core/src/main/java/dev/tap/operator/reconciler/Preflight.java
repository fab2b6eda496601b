package dev.tap.operator.reconciler;

import dev.tap.operator.api.v1alpha1.AckAnnotations;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.RegionResolver;
import dev.tap.operator.naming.AwsNames;
import dev.tap.operator.status.ConditionPolicy;
import dev.tap.operator.status.Verdict;
import dev.tap.operator.validation.ServerlessApiValidator;
import dev.tap.operator.validation.Violation;
import dev.tap.operator.workflow.BoundedMaps;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What must hold before any AWS call, in this order: a valid spec, a region, the AWS names and region
 * unchanged since they were recorded, names no older resource claimed first, and the identity recorded
 * (written before anything is created, so that no crash can lose what the AWS resources are named after).
 * Each refusal is Terminal; recording the identity is a status write of its own.
 */
public final class Preflight {

  static final String REASON_INVALID_SPEC = "InvalidSpec";
  static final String REASON_NO_REGION = "NoRegion";
  static final String REASON_IMMUTABLE = "ImmutableFieldChanged";
  static final String REASON_NAME_COLLISION = "NameCollision";
  static final String REASON_PROGRESSING = "Progressing";
  /** The next reconcile right after this one's status is written. */
  static final Duration IMMEDIATELY = Duration.ofMillis(1);

  private static final Logger log = LoggerFactory.getLogger(Preflight.class);

  /** The workflow may run, in {@code region}; or it may not, and status says why. */
  sealed interface Result {
    record Proceed(String region) implements Result {}

    /** {@code lookAgainIn} empty: only a change of the resource brings it back. */
    record Stop(StatusWriter.StatusUpdate update, Optional<Duration> lookAgainIn) implements Result {}
  }

  /** What validating one spec found: kept per resource, since a spec is validated at every reconcile. */
  private record Validated(Long generation, Map<String, String> annotations, List<Violation> violations) {}

  /** Enough for every resource of a large operator; one evicted is validated again. */
  private static final int VALIDATIONS_KEPT = 8192;

  private final ServerlessApiValidator validator;
  private final RegionResolver regions;
  private final Duration resync;
  private final Map<String, Validated> validated = BoundedMaps.leastRecentlyUsed(VALIDATIONS_KEPT);

  public Preflight(ServerlessApiValidator validator, RegionResolver regions, Duration resync) {
    this.validator = validator;
    this.regions = regions;
    this.resync = resync;
  }

  /** {@code served}: every resource this operator serves, to find who claimed a name first. */
  Result check(ServerlessApi resource, List<ServerlessApi> served) {
    List<Violation> violations = violations(resource);
    if (!violations.isEmpty()) {
      return refuse(resource, REASON_INVALID_SPEC,
          "invalid spec: " + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")), false);
    }
    Optional<String> region = regions.regionOf(resource);
    if (region.isEmpty()) {
      return refuse(resource, REASON_NO_REGION, "no AWS region: set spec.region, the " + AckAnnotations.REGION
          + " annotation, or AWS_REGION for the operator", false);
    }
    ResourceIdentity identity = ResourceIdentity.of(resource, region.get());
    Optional<String> refusal = ResourceIdentity.recorded(resource.getStatus(), identity).flatMap(r -> r.refusal(identity));
    if (refusal.isPresent()) {
      return refuse(resource, REASON_IMMUTABLE, refusal.get(), false);
    }
    Optional<ServerlessApi> firstClaim = NameCollisions.claimedBefore(resource, region.get(), served, regions::regionOf);
    if (firstClaim.isPresent()) {
      // The other one may go: look again at resync pace.
      return refuse(resource, REASON_NAME_COLLISION, "the AWS names of this resource (" + AwsNames.of(resource).table()
          + ", " + AwsNames.of(resource).function() + ", ...) in " + region.get() + " belong to "
          + id(firstClaim.get()) + ", which claimed them first; give this resource another name or environment", true);
    }
    if (resource.getStatus() == null || resource.getStatus().getIdentity() == null) {
      return new Result.Stop((status, conditions) -> {
        identity.record(status);
        ConditionPolicy.apply(conditions, new Verdict.Progressing(REASON_PROGRESSING,
            "recording the AWS names and region before creating anything"), Optional.empty());
      }, Optional.of(IMMEDIATELY));
    }
    return new Result.Proceed(region.get());
  }

  /**
   * The spec's violations, validated again only when it changed: the generation moves with every spec
   * change, and the annotations (which do not move it) are compared. Without a generation (no API server
   * sets none) it is validated every time.
   */
  private List<Violation> violations(ServerlessApi resource) {
    Long generation = resource.getMetadata().getGeneration();
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    String uid = resource.getMetadata().getUid();
    Validated known = uid == null || generation == null ? null : validated.get(uid);
    if (known != null && known.generation().equals(generation) && Objects.equals(known.annotations(), annotations)) {
      return known.violations();
    }
    List<Violation> violations = validator.validate(resource);
    if (uid != null && generation != null) {
      validated.put(uid, new Validated(generation, annotations == null ? null : Map.copyOf(annotations), violations));
    }
    return violations;
  }

  private Result refuse(ServerlessApi resource, String reason, String message, boolean lookAgain) {
    log.info("{}: {}", id(resource), message);
    Verdict verdict = new Verdict.Terminal(reason, message);
    return new Result.Stop((status, conditions) -> ConditionPolicy.apply(conditions, verdict, Optional.empty()),
        lookAgain ? Optional.of(resync) : Optional.empty());
  }

  private static String id(ServerlessApi resource) {
    return resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
  }
}
