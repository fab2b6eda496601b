package dev.tap.operator.rollout;

import dev.tap.operator.api.v1alpha1.RolloutAnnotations;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code kubectl tap} asks of a rollout, through annotations, never the spec (Argo CD sees no drift,
 * {@code metadata.generation} does not move). A one-shot command's value is {@code VERSION/NONCE}: it
 * applies to that version's rollout only, once, and status records the value it acted on
 * ({@code status.rolloutCommands}), as {@code kubectl rollout restart} does with its {@code restartedAt}.
 * {@code rollout.tap.dev/paused: "true"} holds the rollout while it is there, as {@code deployment.paused}
 * does: either one pauses.
 */
public record RolloutCommands(Set<String> pending, boolean paused) {

  public static final String PREFIX = RolloutAnnotations.PREFIX;
  public static final String PROMOTE = "promote";
  public static final String PROMOTE_FULL = "promote-full";
  public static final String ABORT = "abort";
  public static final String RETRY = "retry";
  static final List<String> ONE_SHOT = List.of(PROMOTE, PROMOTE_FULL, ABORT, RETRY);

  public RolloutCommands {
    pending = Set.copyOf(pending);
  }

  static RolloutCommands none() {
    return new RolloutCommands(Set.of(), false);
  }

  /**
   * The commands of {@code api}'s annotations that wait for {@code target}'s rollout: named for that
   * version, and not yet acted on as status records.
   */
  static RolloutCommands read(ServerlessApi api, String target) {
    Map<String, String> annotations = api.getMetadata().getAnnotations() == null ? Map.of()
        : api.getMetadata().getAnnotations();
    Map<String, String> acted = acknowledged(api);
    Set<String> pending = new TreeSet<>();
    for (String command : ONE_SHOT) {
      String value = annotations.get(PREFIX + command);
      if (value != null && value.startsWith(target + "/") && !value.equals(acted.get(command))) {
        pending.add(command);
      }
    }
    return new RolloutCommands(pending, "true".equalsIgnoreCase(annotations.get(RolloutAnnotations.PAUSED)));
  }

  /** The values acted on so far, as status records them, with those of {@code now} added. */
  static Map<String, String> acknowledging(ServerlessApi api, Set<String> now) {
    Map<String, String> acted = new HashMap<>(acknowledged(api));
    now.forEach(command -> acted.put(command, api.getMetadata().getAnnotations().get(PREFIX + command)));
    return acted;
  }

  private static Map<String, String> acknowledged(ServerlessApi api) {
    return api.getStatus() == null || api.getStatus().getRolloutCommands() == null ? Map.of()
        : api.getStatus().getRolloutCommands();
  }

  boolean asked(String command) {
    return pending.contains(command);
  }
}
