package dev.tap.operator.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Real SDK clients, built once per region and shared by every resource: the default credentials
 * chain (IRSA and Pod Identity included), the standard endpoint settings, and the SDK's adaptive
 * retry mode, whose client-side rate limiting paces calls per account rather than per resource.
 */
public final class SdkAwsClients implements AwsClients, AutoCloseable {

  private final AwsCredentialsProvider credentials;
  private final AwsEndpoints endpoints;
  private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();
  private final Map<String, DynamoDbClient> dynamo = new ConcurrentHashMap<>();
  private final Map<String, ApplicationAutoScalingClient> scaling = new ConcurrentHashMap<>();

  public SdkAwsClients(AwsCredentialsProvider credentials, AwsEndpoints endpoints) {
    this.credentials = credentials;
    this.endpoints = endpoints;
  }

  public static SdkAwsClients fromEnvironment() {
    return new SdkAwsClients(DefaultCredentialsProvider.builder().build(), new AwsEndpoints(System.getenv()));
  }

  @Override
  public DynamoDbClient dynamoDb(String region) {
    return dynamo.computeIfAbsent(region, r -> build(DynamoDbClient.builder(), AwsEndpoints.DYNAMODB, r));
  }

  @Override
  public ApplicationAutoScalingClient autoScaling(String region) {
    return scaling.computeIfAbsent(region,
        r -> build(ApplicationAutoScalingClient.builder(), AwsEndpoints.APPLICATION_AUTO_SCALING, r));
  }

  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, String serviceId,
      String region) {
    builder.region(Region.of(region)).credentialsProvider(credentials).httpClient(http)
        .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.ADAPTIVE_V2).build());
    endpoints.endpoint(serviceId).ifPresent(builder::endpointOverride);
    return builder.build();
  }

  @Override
  public void close() {
    dynamo.values().forEach(DynamoDbClient::close);
    scaling.values().forEach(ApplicationAutoScalingClient::close);
    http.close();
  }
}
