package dev.tap.operator.api.v1alpha1;

import java.util.List;

/** ACK's annotations, honoured with the same meaning; a spec field wins where both are set. */
public final class AckAnnotations {

  public static final String REGION = "services.k8s.aws/region";
  public static final String DELETION_POLICY = "services.k8s.aws/deletion-policy";
  public static final String ADOPTION_POLICY = "services.k8s.aws/adoption-policy";
  public static final List<String> ALL = List.of(REGION, DELETION_POLICY, ADOPTION_POLICY);

  public static final List<String> DELETION_POLICIES = List.of("retain", "delete");
  public static final List<String> ADOPTION_POLICIES = List.of("adopt", "adopt-or-create");

  private AckAnnotations() {}
}
