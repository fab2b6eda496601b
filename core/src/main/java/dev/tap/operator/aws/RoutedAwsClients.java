package dev.tap.operator.aws;

import software.amazon.awssdk.core.SdkClient;

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

  public boolean isReal(AwsService<?> service) {
    return endpoints.endpoint(service).isPresent();
  }

  @Override
  public <C extends SdkClient> C client(AwsService<C> service, String region) {
    return (isReal(service) ? real : simulated).client(service, region);
  }
}
