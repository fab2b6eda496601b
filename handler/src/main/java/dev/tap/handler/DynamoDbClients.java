package dev.tap.handler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB client as AWS recommends for Java functions' cold starts: built once at init, with
 * an explicit region and credentials provider and the URL-connection HTTP client, so the SDK
 * searches for nothing. AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL are honoured by the SDK itself.
 * The HTTP client opens its connections through a factory of ours: built without one, it makes its own
 * TLS context at once (the JSSE provider, the trust store: about 120 ms of a cold start measured with
 * handler/bench.sh); with the JDK's connections, TLS starts with the first HTTPS request.
 */
final class DynamoDbClients {

  /** The SDK's defaults for its HTTP clients. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private DynamoDbClients() {}

  static DynamoDbClient fromEnvironment(Map<String, String> env) {
    String region = env.get("AWS_REGION");
    if (region == null || region.isBlank()) {
      throw new IllegalStateException("AWS_REGION is not set: Lambda sets it; set it when running elsewhere");
    }
    return DynamoDbClient.builder()
        .region(Region.of(region))
        .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
        .httpClient(UrlConnectionHttpClient.create(DynamoDbClients::connection))
        .build();
  }

  private static HttpURLConnection connection(URI uri) {
    try {
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
      connection.setReadTimeout((int) READ_TIMEOUT.toMillis());
      return connection;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a connection to " + uri, e);
    }
  }
}
