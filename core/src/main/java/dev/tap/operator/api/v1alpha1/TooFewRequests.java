package dev.tap.operator.api.v1alpha1;

/** What a gate does when its step ends before the new version has served the minimum of requests. */
public enum TooFewRequests {
  /** The step lasts another interval, and the gate is judged again at its end. */
  Extend,
  /** The rollout holds at the step until kubectl tap promote (or abort). */
  Hold,
  /** Too little traffic to judge counts as failing: the rollout rolls back. */
  Fail
}
