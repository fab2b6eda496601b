package dev.tap.operator.rollout;

/** When traffic checks run: on the new version alone before any shift, through the stage after the last. */
public enum TrafficPhase {
  PreTraffic,
  PostTraffic
}
