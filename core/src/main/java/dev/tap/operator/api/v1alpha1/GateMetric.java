package dev.tap.operator.api.v1alpha1;

/** What an analysis gate measures on the new version's own invocations (Lambda's metrics by ExecutedVersion). */
public enum GateMetric {
  /** Errors over invocations, in percent. */
  ErrorRate,
  /** The 99th percentile of Duration, in milliseconds. */
  P99Duration
}
