package dev.tap.operator.aws;

import dev.tap.operator.api.v1alpha1.AckAnnotations;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import java.util.Map;

/**
 * ACK's {@code services.k8s.aws/adoption-policy}: without it an unowned resource of the same name is
 * left alone; {@code adopt} takes it over and expects it to exist; {@code adopt-or-create} takes it
 * over or creates it. None of them ever takes a resource tagged for another owner.
 */
public enum AdoptionPolicy {
  NONE, ADOPT, ADOPT_OR_CREATE;

  public static AdoptionPolicy of(ServerlessApi api) {
    Map<String, String> annotations = api.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(AckAnnotations.ADOPTION_POLICY);
    if ("adopt".equals(value)) {
      return ADOPT;
    }
    return "adopt-or-create".equals(value) ? ADOPT_OR_CREATE : NONE;
  }

  public boolean adopts() {
    return this != NONE;
  }

  public boolean creates() {
    return this != ADOPT;
  }
}
