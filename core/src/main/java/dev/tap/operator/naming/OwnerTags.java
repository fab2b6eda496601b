package dev.tap.operator.naming;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tags every AWS resource of a ServerlessApi carries: whose it is ({@code <namespace>/<name>}),
 * which the operator never crosses, and that this operator manages it.
 */
public final class OwnerTags {

  public static final String OWNER = "tap.dev/owner";
  public static final String MANAGED_BY = "tap.dev/managed-by";
  public static final String OPERATOR = "tap-operator";

  private OwnerTags() {}

  /** The owner tag's value: {@code <namespace>/<name>}. */
  public static String owner(ServerlessApi api) {
    return api.getMetadata().getNamespace() + "/" + api.getMetadata().getName();
  }

  /** Both tags, owner first. */
  public static Map<String, String> of(ServerlessApi api) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(OWNER, owner(api));
    tags.put(MANAGED_BY, OPERATOR);
    return tags;
  }
}
