package dev.tap.operator.aws;

import java.util.List;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The AWS services the operator uses. A new service is one constant here (and one client in the simulated AWS). */
public final class AwsServices {

  public static final AwsService<DynamoDbClient> DYNAMODB = new AwsService<>("dynamodb", "DynamoDB", "DYNAMODB",
      DynamoDbClient.class, settings -> settings.build(DynamoDbClient.builder()));

  public static final AwsService<ApplicationAutoScalingClient> APPLICATION_AUTO_SCALING = new AwsService<>(
      "application-autoscaling", "Application Auto Scaling", "APPLICATION_AUTO_SCALING",
      ApplicationAutoScalingClient.class, settings -> settings.build(ApplicationAutoScalingClient.builder()));

  public static final AwsService<LambdaClient> LAMBDA = new AwsService<>("lambda", "Lambda", "LAMBDA",
      LambdaClient.class, settings -> settings.build(LambdaClient.builder()));

  /** Its SDK service id is CloudWatch, its signing name (and quota name) monitoring. */
  public static final AwsService<CloudWatchClient> CLOUDWATCH = new AwsService<>("monitoring", "CloudWatch", "CLOUDWATCH",
      CloudWatchClient.class, settings -> settings.build(CloudWatchClient.builder()));

  /** Over the Apache HTTP client: every API Gateway update is an HTTP PATCH, which the URL-connection client cannot send. */
  public static final AwsService<ApiGatewayClient> API_GATEWAY = new AwsService<>("apigateway", "API Gateway",
      "API_GATEWAY", ApiGatewayClient.class, settings -> settings.buildSendingPatch(ApiGatewayClient.builder()));

  public static final List<AwsService<?>> ALL = List.of(DYNAMODB, APPLICATION_AUTO_SCALING, LAMBDA, CLOUDWATCH,
      API_GATEWAY);

  private AwsServices() {}
}
