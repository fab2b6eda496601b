package dev.tap.operator.status;

/** What one reconcile concluded, as the condition policy needs it. */
public sealed interface Verdict {

  /** AWS matches the spec. */
  record Synced() implements Verdict {}

  /** Work in flight: a dependent is creating, changing or waiting for AWS (or for a quota). */
  record Progressing(String reason, String message) implements Verdict {}

  /** A transient failure, retried with backoff. */
  record Recoverable(String message) implements Verdict {}

  /** Nothing will change until a human changes the spec or AWS. */
  record Terminal(String reason, String message) implements Verdict {}
}
