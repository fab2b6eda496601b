package dev.tap.operator.aws;

/** Sees every AWS operation the operator sends, before it goes (and may hold it back by throwing), and how it ended. */
public interface AwsCallHook {

  void before(AwsService<?> service, String region, String operation);

  default void after(AwsService<?> service, String region, String operation) {}

  /** The operation failed, in AWS or before it was sent (a quota held it back). */
  default void failed(AwsService<?> service, String region, String operation, Throwable failure) {}
}
