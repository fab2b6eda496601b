package dev.tap.operator.reconciler;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.naming.AwsNames;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the ServerlessApi that claimed the same AWS names first: the same name and environment in
 * another namespace, in the same region. API Gateway would even accept a second API of the same
 * name, so this is decided in the cluster before any dependent runs. The older resource wins (then
 * the namespace that sorts first), the same answer whichever of the two asks.
 */
final class NameCollisions {

  private static final Comparator<ServerlessApi> FIRST_CLAIM = Comparator
      .comparing((ServerlessApi api) -> api.getMetadata().getCreationTimestamp(),
          Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(api -> api.getMetadata().getNamespace(), Comparator.nullsLast(Comparator.naturalOrder()));

  private NameCollisions() {}

  /** The other resource whose claim on this one's AWS names comes first, if any. */
  static Optional<ServerlessApi> claimedBefore(ServerlessApi api, String region, Collection<ServerlessApi> all,
      Function<ServerlessApi, Optional<String>> regionOf) {
    AwsNames names = AwsNames.of(api);
    return all.stream()
        // The name first: the cheap test that nearly every other resource fails.
        .filter(other -> names.name().equals(other.getMetadata().getName()))
        .filter(other -> other.getSpec() != null && other.getSpec().getEnvironment() != null)
        .filter(other -> !Objects.equals(other.getMetadata().getUid(), api.getMetadata().getUid()))
        .filter(other -> AwsNames.of(other).equals(names))
        .filter(other -> regionOf.apply(other).map(region::equals).orElse(false))
        .filter(other -> FIRST_CLAIM.compare(other, api) < 0)
        .min(FIRST_CLAIM);
  }
}
