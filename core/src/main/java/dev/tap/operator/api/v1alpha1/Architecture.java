package dev.tap.operator.api.v1alpha1;

/** Lambda's instruction set architectures. */
public enum Architecture {
  x86_64, arm64
}
