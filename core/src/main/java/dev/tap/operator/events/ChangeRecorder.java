package dev.tap.operator.events;

import dev.tap.operator.api.v1alpha1.ServerlessApi;

/** Where every AWS change is told: one log line, one Kubernetes Event, and any listener (the sandbox). */
public interface ChangeRecorder {

  /** {@code reason} is CamelCase (CreatedTable, AddedIndex, ...); {@code message} says what changed. */
  void awsChange(ServerlessApi api, String reason, String message);
}
