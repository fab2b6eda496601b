package dev.tap.operator.api.v1alpha1;

/** The annotations through which kubectl tap steers a rollout: metadata, so the spec and its generation stay as Git has them. */
public final class RolloutAnnotations {

  public static final String PREFIX = "rollout.tap.dev/";
  /** {@code "true"} holds every rollout of the resource while it is there. */
  public static final String PAUSED = PREFIX + "paused";

  private RolloutAnnotations() {}
}
