package dev.tap.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The conditions of one status, ACK-style: Ready and ACK.ResourceSynced are always present;
 * ACK.Terminal, ACK.Recoverable, ACK.Adopted and Progressing are present only while they hold.
 * A condition keeps its lastTransitionTime until its status changes.
 */
public final class Conditions {

  public static final String READY = "Ready";
  public static final String RESOURCE_SYNCED = "ACK.ResourceSynced";
  public static final String TERMINAL = "ACK.Terminal";
  public static final String RECOVERABLE = "ACK.Recoverable";
  public static final String ADOPTED = "ACK.Adopted";
  public static final String PROGRESSING = "Progressing";
  /** kstatus: True while work is in flight (progressing or retrying); absent when not. */
  public static final String RECONCILING = "Reconciling";
  /** kstatus: True when a human must act; absent when not. */
  public static final String STALLED = "Stalled";

  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  private final List<Condition> conditions;
  private final long generation;
  private final Clock clock;

  public Conditions(List<Condition> current, long generation, Clock clock) {
    this.conditions = current == null ? new ArrayList<>() : new ArrayList<>(current);
    this.generation = generation;
    this.clock = clock;
  }

  public Conditions set(String type, String status, String reason, String message) {
    Optional<Condition> existing = find(type);
    String transitionTime = existing.filter(c -> status.equals(c.getStatus()))
        .map(Condition::getLastTransitionTime)
        .orElseGet(() -> Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
    Condition condition = new ConditionBuilder().withType(type).withStatus(status).withReason(reason)
        .withMessage(message).withLastTransitionTime(transitionTime).withObservedGeneration(generation).build();
    existing.ifPresentOrElse(c -> conditions.set(conditions.indexOf(c), condition), () -> conditions.add(condition));
    return this;
  }

  public Conditions remove(String type) {
    conditions.removeIf(c -> type.equals(c.getType()));
    return this;
  }

  public Optional<Condition> find(String type) {
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  public List<Condition> asList() {
    return List.copyOf(conditions);
  }
}
