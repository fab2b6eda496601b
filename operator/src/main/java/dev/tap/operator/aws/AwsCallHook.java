package dev.tap.operator.aws;

/** Sees every AWS operation the operator sends, before it goes (and may hold it back by throwing) and after it returned. */
public interface AwsCallHook {

  void before(AwsService<?> service, String region, String operation);

  default void after(AwsService<?> service, String region, String operation) {}
}
