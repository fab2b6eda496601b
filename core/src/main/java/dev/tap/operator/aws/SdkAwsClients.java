package dev.tap.operator.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Real SDK clients, one per service and region, shared by every resource: the default credentials
 * chain (IRSA and Pod Identity included) and the standard endpoint settings.
 */
public final class SdkAwsClients implements AwsClients, AutoCloseable {

  private final AwsCredentialsProvider credentials;
  private final AwsEndpoints endpoints;
  private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();
  private SdkHttpClient patchingHttp;
  private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

  public SdkAwsClients(AwsCredentialsProvider credentials, AwsEndpoints endpoints) {
    this.credentials = credentials;
    this.endpoints = endpoints;
  }

  public static SdkAwsClients fromEnvironment() {
    return new SdkAwsClients(DefaultCredentialsProvider.builder().build(), new AwsEndpoints(System.getenv()));
  }

  @Override
  public <C extends SdkClient> C client(AwsService<C> service, String region) {
    return service.clientType().cast(clients.computeIfAbsent(service.name() + "/" + region, key ->
        service.real().apply(new SdkClientSettings(region, credentials, http, this::patchingHttp,
            endpoints.endpoint(service)))));
  }

  /** The Apache client, made when a service first needs HTTP PATCH. */
  private synchronized SdkHttpClient patchingHttp() {
    if (patchingHttp == null) {
      patchingHttp = ApacheHttpClient.builder().build();
    }
    return patchingHttp;
  }

  @Override
  public void close() {
    clients.values().forEach(SdkClient::close);
    http.close();
    synchronized (this) {
      if (patchingHttp != null) {
        patchingHttp.close();
      }
    }
  }
}
