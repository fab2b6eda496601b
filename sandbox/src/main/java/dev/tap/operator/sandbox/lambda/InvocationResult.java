package dev.tap.operator.sandbox.lambda;

import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * What one invocation gave back: the function's response payload, or, when {@code errorType} is set,
 * the error document the runtime posted (or the environment's own, for a timeout or a crash).
 */
public record InvocationResult(String payload, String errorType) {

  static final String TIMEOUT = "Sandbox.Timedout";
  static final String EXIT = "Runtime.ExitError";

  static InvocationResult success(String payload) {
    return new InvocationResult(payload, null);
  }

  static InvocationResult failure(String errorType, String message) {
    String document = JsonMapper.builder().build().createObjectNode().put("errorType", errorType)
        .put("errorMessage", message).toString();
    return new InvocationResult(document, errorType);
  }

  /** The function ran past its timeout and its environment was stopped. */
  public boolean timedOut() {
    return TIMEOUT.equals(errorType);
  }

  public boolean failed() {
    return errorType != null;
  }
}
