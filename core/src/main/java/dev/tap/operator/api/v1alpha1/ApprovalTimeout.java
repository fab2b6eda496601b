package dev.tap.operator.api.v1alpha1;

/** What an approval step does when nobody approved it in time. */
public enum ApprovalTimeout {
  /** Keep waiting for kubectl tap promote; status says the timeout passed. */
  Hold,
  /** All traffic back on the stable version, as after an alarm. */
  RollBack
}
