package dev.tap.operator.function;

import java.util.Map;

/** What of a function's configuration the operator manages, and Lambda versions. Null: not managed (an image's runtime). */
public record FunctionConfig(String runtime, String handler, String role, int memorySize, int timeout,
    String architecture, Map<String, String> environment, String snapStart) {

  public FunctionConfig {
    environment = environment == null ? Map.of() : Map.copyOf(environment);
  }

  /** The same configuration on another architecture: Lambda sets that with the code, not the configuration. */
  boolean sameButArchitecture(FunctionConfig other) {
    return new FunctionConfig(runtime, handler, role, memorySize, timeout, other.architecture, environment, snapStart)
        .equals(other);
  }
}
