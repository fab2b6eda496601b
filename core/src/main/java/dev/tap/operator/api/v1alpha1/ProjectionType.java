package dev.tap.operator.api.v1alpha1;

/** Which attributes a global secondary index copies from the table. */
public enum ProjectionType {
  ALL,
  KEYS_ONLY,
  INCLUDE
}
