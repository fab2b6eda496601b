package dev.tap.operator.lives;

import dev.tap.operator.api.v1alpha1.AckAnnotations;
import dev.tap.operator.api.v1alpha1.DeletionPolicy;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.naming.AwsNames;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the test knows of one resource of a world: the spec it last wrote and that spec's generation,
 * whether it asked for a deletion, and the alias weights its rollout strategies allow. Everything
 * here is the test's own doing; the invariants compare it with what the API server and AWS hold.
 */
final class Life {

  final String name;
  /** The resource as the test last wrote it (null before it is created, or once it is gone). */
  ServerlessApi written;
  /** The spec it had when it was last deleted: applied again, as a GitOps tool would re-create it. */
  ServerlessApi retired;
  /** Deletion asked for and not yet seen done. */
  boolean deleting;
  /** What AWS should hold once it is gone: everything (Retain) or nothing of ours (Delete). */
  DeletionPolicy goneWith;
  /** What of it AWS held when its deletion was asked for (a Retain keeps exactly that). */
  Set<String> heldAtDeletion = Set.of();
  /**
   * Weights the alias may carry: those of every strategy in force since the alias last had no routing
   * (a rollout keeps the step it recorded when the strategy changes under it), with what set each.
   */
  final Map<Double, String> allowedWeights = new TreeMap<>();
  /** Capacity Application Auto Scaling set, by scalable target and dimension, while the spec keeps its range. */
  final Map<String, Long> autoscaled = new TreeMap<>();

  Life(String name) {
    this.name = name;
  }

  boolean exists() {
    return written != null;
  }

  AwsNames names() {
    return new AwsNames(name, "prod");
  }

  /** The test wrote {@code api}: its spec (and generation) is now the one the operator must follow. */
  void wrote(ServerlessApi api) {
    if (written != null && !specOf(written).equals(specOf(api))) {
      autoscaled.clear();
    }
    written = api;
    allowedWeights.putAll(SpecEdits.weights(api.getSpec().getFunction().getDeployment()));
  }

  private static String specOf(ServerlessApi api) {
    return Serialization.asJson(api.getSpec().getTable());
  }

  long generation() {
    return written.getMetadata().getGeneration();
  }

  /** The deletion policy in force: the spec's, else the ACK annotation's, else Retain for prod. */
  DeletionPolicy deletionPolicy() {
    if (written.getSpec().getDeletionPolicy() != null) {
      return written.getSpec().getDeletionPolicy();
    }
    Map<String, String> annotations = written.getMetadata().getAnnotations();
    String annotated = annotations == null ? null : annotations.get(AckAnnotations.DELETION_POLICY);
    return "delete".equals(annotated) ? DeletionPolicy.Delete : DeletionPolicy.Retain;
  }
}
