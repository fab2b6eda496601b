package dev.tap.operator.function;

import dev.tap.operator.workflow.SecretStore;
import dev.tap.operator.api.v1alpha1.SecretKeyRef;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The key that signs the handler's page tokens (PAGE_TOKEN_KEY): from the Secret the spec names, or
 * from one the operator keeps for the resource ({@code <name>-page-token}, key {@code key}). A key is
 * generated only when neither that Secret nor the function holds one; when the Secret is gone but the
 * function still carries a key (the resource re-created in a new cluster), the Secret is written back
 * from it, so tokens already handed out stay valid.
 */
final class PageTokenKey {

  static final String VARIABLE = "PAGE_TOKEN_KEY";
  static final String GENERATED_KEY = "key";
  private static final int BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The key, or why there is none: a referenced Secret (or its key) that does not exist. */
  record Resolved(String value, String missing) {}

  private PageTokenKey() {}

  static String generatedSecretName(ServerlessApi api) {
    return api.getMetadata().getName() + "-page-token";
  }

  static Resolved resolve(ServerlessApi api, SecretStore secrets, Optional<String> onTheFunction) {
    String namespace = api.getMetadata().getNamespace();
    SecretKeyRef referenced = api.getSpec().getFunction().getPageTokenSecret();
    if (referenced != null) {
      return secrets.read(namespace, referenced.getName(), referenced.getKey()).map(v -> new Resolved(v, null))
          .orElseGet(() -> new Resolved(null, "the Secret " + namespace + "/" + referenced.getName() + " has no key "
              + referenced.getKey() + " (spec.function.pageTokenSecret)"));
    }
    String name = generatedSecretName(api);
    Optional<String> kept = secrets.read(namespace, name, GENERATED_KEY);
    if (kept.isPresent()) {
      return new Resolved(kept.get(), null);
    }
    String value = onTheFunction.orElseGet(() -> Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes()));
    if (!secrets.create(api, name, GENERATED_KEY, value)) {
      // Another writer got there first: theirs is the key.
      return secrets.read(namespace, name, GENERATED_KEY).map(v -> new Resolved(v, null))
          .orElseGet(() -> new Resolved(null, "the Secret " + namespace + "/" + name + " exists without the key "
              + GENERATED_KEY));
    }
    return new Resolved(value, null);
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
