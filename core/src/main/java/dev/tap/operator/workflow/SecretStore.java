package dev.tap.operator.workflow;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import java.util.Optional;

/** The Kubernetes Secrets the function's settings come from. Values are never logged. */
public interface SecretStore {

  Optional<String> read(String namespace, String name, String key);

  /** Creates the Secret, owned by {@code owner} (deleted with it); false when one of that name already exists. */
  boolean create(ServerlessApi owner, String name, String key, String value);
}
