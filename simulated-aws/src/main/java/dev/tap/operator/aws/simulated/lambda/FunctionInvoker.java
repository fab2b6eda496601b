package dev.tap.operator.aws.simulated.lambda;

/**
 * What runs a function's code for Invoke: the simulation keeps Lambda's control plane only, so whoever
 * can run code (the served sandbox) plugs in here through {@link LambdaState#invoker(FunctionInvoker)}.
 */
@FunctionalInterface
public interface FunctionInvoker {

  /** What the code gave back: its response, or, when {@code error}, the error document of a failed invocation. */
  record Outcome(String payload, boolean error) {}

  /** Runs {@code payload} through {@code version} ({@code $LATEST} or a number) of the function, configured by {@code settings}. */
  Outcome invoke(String region, String function, String version, FunctionSettings settings, String payload);
}
