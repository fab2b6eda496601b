package dev.tap.operator.reconciler;

import dev.tap.operator.api.v1alpha1.AckAnnotations;
import dev.tap.operator.api.v1alpha1.DeletionPolicy;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import java.util.Map;

/** {@code spec.deletionPolicy}, else the ACK annotation, else Retain for prod and Delete elsewhere. */
final class DeletionPolicies {

  static final String PRODUCTION = "prod";

  private DeletionPolicies() {}

  static DeletionPolicy resolve(ServerlessApi api) {
    if (api.getSpec() != null && api.getSpec().getDeletionPolicy() != null) {
      return api.getSpec().getDeletionPolicy();
    }
    Map<String, String> annotations = api.getMetadata().getAnnotations();
    String annotated = annotations == null ? null : annotations.get(AckAnnotations.DELETION_POLICY);
    if ("delete".equals(annotated)) {
      return DeletionPolicy.Delete;
    }
    if ("retain".equals(annotated)) {
      return DeletionPolicy.Retain;
    }
    boolean production = api.getSpec() != null && PRODUCTION.equals(api.getSpec().getEnvironment());
    return production ? DeletionPolicy.Retain : DeletionPolicy.Delete;
  }
}
