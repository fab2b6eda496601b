package dev.tap.operator.api.v1alpha1;

/** DynamoDB scalar attribute types usable in a key: string, number, binary. */
public enum KeyType {
  S,
  N,
  B
}
