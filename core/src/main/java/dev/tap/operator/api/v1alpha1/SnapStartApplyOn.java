package dev.tap.operator.api.v1alpha1;

/** Lambda SnapStart: on published versions (Java runtimes), or not at all. */
public enum SnapStartApplyOn {
  PublishedVersions, None
}
