package dev.tap.operator.reconciler;

import dev.tap.operator.api.v1alpha1.RolloutAnnotations;
import dev.tap.operator.api.v1alpha1.RolloutStatus;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AwsPacing;
import dev.tap.operator.workflow.DependentOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a resource waiting for an AWS quota need not redo. Until its turn, a reconcile (a timer, a
 * resync) sends nothing: nothing it would read could be acted on before then. At its turn, the
 * dependents found in sync by the reconcile that was held back are not read again: they are trusted
 * as a converged resource is, until a resync after they were read, and only while the spec is the one
 * they were read for and no rollout is under way (a rollout moves the alias, and its commands arrive
 * as annotations). A restart forgets all of it: the first reconcile reads everything.
 */
final class QuotaWaits {

  /**
   * The rollout acts on the function's outcome (the alias) and the alarms' (which fire): those, and the
   * rollout's own, are read afresh at every reconcile.
   */
  static final Set<String> NEVER_TRUSTED = Set.of("rollout", "function", "alarms");

  /** An outcome read from AWS at {@code readAt}. */
  private record Read(DependentOutcome outcome, Instant readAt) {}

  private record Settled(long generation, Map<String, Read> reads) {}

  private final AwsPacing pacing;
  private final Duration trustedFor;
  private final Clock clock;
  private final Map<String, Settled> settled = new ConcurrentHashMap<>();

  QuotaWaits(AwsPacing pacing, Duration trustedFor, Clock clock) {
    this.pacing = pacing;
    this.trustedFor = trustedFor;
    this.clock = clock;
  }

  /** How long until the turn of a quiet resource held back by a quota; empty: reconcile now. */
  Optional<Duration> untilTurn(ServerlessApi resource) {
    return quiet(resource) ? pacing.turnOf(id(resource)) : Optional.empty();
  }

  /** A reconcile was held back by a quota: the outcomes it found ready may be trusted at its turn. */
  void heldBack(ServerlessApi resource, Map<String, DependentOutcome> outcomes) {
    Settled before = settled.get(id(resource));
    Map<String, Read> reads = new HashMap<>();
    outcomes.forEach((name, outcome) -> {
      if (outcome.ready() && !NEVER_TRUSTED.contains(name)) {
        Read earlier = before == null ? null : before.reads().get(name);
        // An outcome trusted, not read again, is as old as when it was read.
        reads.put(name, earlier != null && earlier.outcome() == outcome ? earlier : new Read(outcome, clock.instant()));
      }
    });
    settled.put(id(resource), new Settled(generation(resource), reads));
  }

  /** The outcomes this reconcile may trust instead of reading AWS; none unless the last one was held back. */
  Map<String, DependentOutcome> trusted(ServerlessApi resource) {
    Settled last = settled.get(id(resource));
    if (last == null || !quiet(resource) || last.generation() != generation(resource)) {
      return Map.of();
    }
    Instant oldest = clock.instant().minus(trustedFor);
    Map<String, DependentOutcome> trusted = new HashMap<>();
    last.reads().forEach((name, read) -> {
      if (!read.readAt().isBefore(oldest)) {
        trusted.put(name, read.outcome());
      }
    });
    return trusted;
  }

  /** The reconcile was not held back: nothing is trusted at the next. */
  void done(ServerlessApi resource) {
    settled.remove(id(resource));
  }

  /** The spec is the one last reconciled, no rollout is under way, and no kubectl tap command waits. */
  private static boolean quiet(ServerlessApi resource) {
    return resource.getStatus() != null
        && Objects.equals(resource.getStatus().getObservedGeneration(), resource.getMetadata().getGeneration())
        && (resource.getStatus().getRollout() == null
            || !RolloutStatus.PROGRESSING.equals(resource.getStatus().getRollout().getPhase()))
        && !commandWaiting(resource);
  }

  /** A rollout.tap.dev/ command (not the pause, a state) whose value status has not acknowledged. */
  private static boolean commandWaiting(ServerlessApi resource) {
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    Map<String, String> acted = resource.getStatus().getRolloutCommands();
    return annotations != null && annotations.entrySet().stream()
        .filter(a -> a.getKey().startsWith(RolloutAnnotations.PREFIX) && !a.getKey().equals(RolloutAnnotations.PAUSED))
        .anyMatch(a -> acted == null
            || !a.getValue().equals(acted.get(a.getKey().substring(RolloutAnnotations.PREFIX.length()))));
  }

  private static long generation(ServerlessApi resource) {
    return Optional.ofNullable(resource.getMetadata().getGeneration()).orElse(0L);
  }

  private static String id(ServerlessApi resource) {
    return resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
  }
}
