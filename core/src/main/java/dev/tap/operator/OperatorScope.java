package dev.tap.operator;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import java.util.Set;

/**
 * Which ServerlessApis one operator deployment serves, so that several share a large cluster: some
 * namespaces (every namespace when empty) and a label selector (every resource when null).
 */
public record OperatorScope(Set<String> namespaces, String labelSelector) {

  public static final OperatorScope EVERYTHING = new OperatorScope(Set.of(), null);

  public OperatorScope {
    namespaces = Set.copyOf(namespaces);
  }

  void applyTo(ControllerConfigurationOverrider<ServerlessApi> override) {
    if (!namespaces.isEmpty()) {
      override.settingNamespaces(namespaces);
    }
    if (labelSelector != null && !labelSelector.isBlank()) {
      override.withLabelSelector(labelSelector);
    }
  }
}
