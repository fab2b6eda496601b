package dev.tap.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The resources as they stand (what {@code kubectl get sapi NAME -o yaml} printed, or the manifests of the last
 * sync), so a new manifest can be checked as an update of its own earlier version, the one with the
 * same name and namespace. A manifest without a namespace is applied to the current one, so it matches
 * an earlier version of its name in any namespace, as long as only one has that name.
 */
public final class PreviousVersions {

  private final List<JsonNode> resources;

  public PreviousVersions(List<JsonNode> resources) {
    this.resources = List.copyOf(resources);
  }

  /** The earlier version of {@code resource}, if exactly one resource here is it. */
  public Optional<JsonNode> of(JsonNode resource) {
    String name = name(resource);
    String namespace = namespace(resource);
    List<JsonNode> candidates = new ArrayList<>();
    for (JsonNode old : resources) {
      boolean sameNamespace = namespace.isEmpty() || namespace(old).isEmpty() || namespace.equals(namespace(old));
      if (name.equals(name(old)) && sameNamespace) {
        candidates.add(old);
      }
    }
    return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
  }

  /** How resources are named to a person: {@code namespace/name}, or the name alone without a namespace. */
  public static String identity(JsonNode resource) {
    return namespace(resource).isEmpty() ? name(resource) : namespace(resource) + "/" + name(resource);
  }

  /** Every resource here by {@link #identity}, for a message that says what was there instead. */
  public List<String> identities() {
    return resources.stream().map(PreviousVersions::identity).toList();
  }

  private static String name(JsonNode resource) {
    return resource.path("metadata").path("name").asText("");
  }

  private static String namespace(JsonNode resource) {
    return resource.path("metadata").path("namespace").asText("");
  }
}
