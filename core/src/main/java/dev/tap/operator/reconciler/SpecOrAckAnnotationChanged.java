package dev.tap.operator.reconciler;

import dev.tap.operator.api.v1alpha1.AckAnnotations;
import dev.tap.operator.api.v1alpha1.RolloutAnnotations;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Which updates of a ServerlessApi start a reconcile. The ACK annotations (region, adoption and
 * deletion policy) and kubectl tap's {@code rollout.tap.dev/} annotations are metadata and do not bump the
 * generation, so JOSDK's generation-aware filter would leave their change to the next resync; this
 * filter, used instead of it, lets through a new generation, a change of those annotations, a finalizer
 * change and a deletion, and keeps out the operator's own status writes.
 */
public final class SpecOrAckAnnotationChanged implements OnUpdateFilter<ServerlessApi> {

  @Override
  public boolean accept(ServerlessApi updated, ServerlessApi old) {
    return updated.isMarkedForDeletion()
        || !Objects.equals(updated.getMetadata().getGeneration(), old.getMetadata().getGeneration())
        || !Objects.equals(updated.getMetadata().getFinalizers(), old.getMetadata().getFinalizers())
        || AckAnnotations.ALL.stream().anyMatch(a -> !Objects.equals(annotation(updated, a), annotation(old, a)))
        || !rolloutAnnotations(updated).equals(rolloutAnnotations(old));
  }

  private static Map<String, String> rolloutAnnotations(ServerlessApi api) {
    Map<String, String> annotations = api.getMetadata().getAnnotations();
    return annotations == null ? Map.of() : annotations.entrySet().stream()
        .filter(e -> e.getKey().startsWith(RolloutAnnotations.PREFIX))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static String annotation(ServerlessApi api, String name) {
    Map<String, String> annotations = api.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(name);
  }
}
