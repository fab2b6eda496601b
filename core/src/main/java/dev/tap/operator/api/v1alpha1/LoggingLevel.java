package dev.tap.operator.api.v1alpha1;

/** API Gateway execution logging level of the stage. */
public enum LoggingLevel {
  OFF,
  ERROR,
  INFO
}
