package dev.tap.operator.aws;

import dev.tap.operator.api.v1alpha1.AckAnnotations;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import java.util.Map;
import java.util.Optional;

/** The region of a resource: {@code spec.region}, else the ACK region annotation, else AWS_REGION. */
public record RegionResolver(String defaultRegion) {

  public static RegionResolver fromEnvironment(Map<String, String> env) {
    return new RegionResolver(env.get("AWS_REGION"));
  }

  public Optional<String> regionOf(ServerlessApi api) {
    if (api.getSpec() != null && api.getSpec().getRegion() != null) {
      return Optional.of(api.getSpec().getRegion());
    }
    Map<String, String> annotations = api.getMetadata().getAnnotations();
    if (annotations != null && annotations.get(AckAnnotations.REGION) != null) {
      return Optional.of(annotations.get(AckAnnotations.REGION));
    }
    return Optional.ofNullable(defaultRegion).filter(r -> !r.isBlank());
  }
}
