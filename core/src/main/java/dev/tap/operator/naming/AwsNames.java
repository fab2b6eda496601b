package dev.tap.operator.naming;

import dev.tap.operator.api.v1alpha1.ServerlessApi;

/**
 * Names of the AWS resources of one ServerlessApi, after the reference stack:
 * {@code <name>-items-<env>}, {@code <name>-api-<env>}, alias {@code <env>}.
 */
public record AwsNames(String name, String environment) {

  /** Lambda function names: letters, digits, hyphens and underscores, at most 64 characters. */
  public static final int MAX_FUNCTION_NAME = 64;
  /** DynamoDB table names: 3 to 255 characters. */
  public static final int MAX_TABLE_NAME = 255;

  public static AwsNames of(ServerlessApi api) {
    return new AwsNames(api.getMetadata().getName(), api.getSpec().getEnvironment());
  }

  /** The API Gateway stage: {@code spec.api.stageName}, else the environment. */
  public static String stage(ServerlessApi api) {
    var spec = api.getSpec().getApi();
    return spec == null || spec.getStageName() == null ? api.getSpec().getEnvironment() : spec.getStageName();
  }

  public String table() {
    return name + "-items-" + environment;
  }

  public String function() {
    return name + "-api-" + environment;
  }

  public String restApi() {
    return name + "-api-" + environment;
  }

  public String alias() {
    return environment;
  }

  public String apiServerErrorsAlarm() {
    return name + "-api-errors-" + environment;
  }

  public String lambdaErrorsAlarm() {
    return name + "-lambda-errors-" + environment;
  }

  public String lambdaThrottlesAlarm() {
    return name + "-lambda-throttles-" + environment;
  }

  public String lambdaDurationAlarm() {
    return name + "-lambda-duration-" + environment;
  }

  public String tableThrottlesAlarm() {
    return name + "-table-throttles-" + environment;
  }

  /** The new version's own errors, kept only while a rollout runs. */
  public String rolloutErrorsAlarm() {
    return name + "-rollout-errors-" + environment;
  }
}
