package dev.tap.operator.api.v1alpha1;

/** How the alias moves from the stable to the target version. */
public enum DeploymentStrategy {
  AllAtOnce,
  Canary,
  Linear
}
