package dev.tap.operator.aws;

import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Real clients for the services that have an endpoint setting, the simulated ones for the rest. */
public final class RoutedAwsClients implements AwsClients {

  private final AwsClients real;
  private final AwsClients simulated;
  private final AwsEndpoints endpoints;

  public RoutedAwsClients(AwsClients real, AwsClients simulated, AwsEndpoints endpoints) {
    this.real = real;
    this.simulated = simulated;
    this.endpoints = endpoints;
  }

  public boolean isReal(String serviceId) {
    return endpoints.endpoint(serviceId).isPresent();
  }

  @Override
  public DynamoDbClient dynamoDb(String region) {
    return (isReal(AwsEndpoints.DYNAMODB) ? real : simulated).dynamoDb(region);
  }

  @Override
  public ApplicationAutoScalingClient autoScaling(String region) {
    return (isReal(AwsEndpoints.APPLICATION_AUTO_SCALING) ? real : simulated).autoScaling(region);
  }
}
