package dev.tap.operator.aws;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SDK's standard endpoint settings: {@code AWS_ENDPOINT_URL_<SERVICE>} wins over
 * {@code AWS_ENDPOINT_URL}. Read here rather than only by the SDK so that the sandbox knows which
 * services point at a real endpoint and which it simulates.
 */
public record AwsEndpoints(Map<String, String> environment) {

  public Optional<URI> endpoint(AwsService<?> service) {
    String specific = environment.get("AWS_ENDPOINT_URL_" + service.endpointId().toUpperCase(Locale.ROOT));
    String shared = environment.get("AWS_ENDPOINT_URL");
    String chosen = specific != null && !specific.isBlank() ? specific : shared;
    return chosen == null || chosen.isBlank() ? Optional.empty() : Optional.of(URI.create(chosen.trim()));
  }
}
