package dev.tap.operator.api.v1alpha1;

/** What happens to the AWS resources when the ServerlessApi is deleted. */
public enum DeletionPolicy {
  Retain,
  Delete
}
