package dev.tap.handler;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB client as AWS recommends for Java functions' cold starts: built once at init, with
 * an explicit region and credentials provider and the URL-connection HTTP client, so the SDK
 * searches for nothing. AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL are honoured by the SDK itself.
 */
final class DynamoDbClients {

  private DynamoDbClients() {}

  static DynamoDbClient fromEnvironment(Map<String, String> env) {
    String region = env.get("AWS_REGION");
    if (region == null || region.isBlank()) {
      throw new IllegalStateException("AWS_REGION is not set: Lambda sets it; set it when running elsewhere");
    }
    return DynamoDbClient.builder()
        .region(Region.of(region))
        .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
        .httpClient(UrlConnectionHttpClient.builder().build())
        .build();
  }
}
