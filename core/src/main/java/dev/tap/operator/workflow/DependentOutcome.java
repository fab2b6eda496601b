package dev.tap.operator.workflow;

import dev.tap.operator.api.v1alpha1.ServerlessApiStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * What one dependent saw and did in one reconcile, in terms the reconciler can act on without
 * knowing the dependent: whether it is ready, a one-line progress text, when to look again, what it
 * adopted, whether a human must act first, and its own section of the status.
 */
public interface DependentOutcome {

  /** AWS matches the spec for this dependent; the next dependents may run. */
  boolean ready();

  /** One line for the Progressing and Ready conditions while not ready, such as "creating the table". */
  String progress();

  /** The Progressing condition's reason while not ready, such as "RollingOut". */
  default String reason() {
    return "Progressing";
  }

  /** When AWS should have moved on (a table settling, a rollout step); empty: the default poll. */
  default Optional<Duration> lookAgainIn() {
    return Optional.empty();
  }

  /** What this reconcile took over from an unowned AWS resource, such as "table tap-items-prod". */
  default Optional<String> adopted() {
    return Optional.empty();
  }

  /** Present when nothing can be done until a human changes the spec or AWS: ACK.Terminal. */
  default Optional<Blocked> blocked() {
    return Optional.empty();
  }

  /** Writes this dependent's section of the status from what AWS holds. */
  void writeStatus(ServerlessApiStatus status);

  /** Why a dependent cannot go on: a reason in CamelCase and a message that says what a human must do. */
  record Blocked(String reason, String message) {}
}
