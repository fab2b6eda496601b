package dev.tap.operator.aws;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * What every real SDK client shares: region, credentials, HTTP client, endpoint override and the
 * retry mode. The SDK's adaptive retry backs off on throttling it has already received; pacing calls
 * below the account's quotas is {@link AwsPacing}'s job. Services whose calls include HTTP PATCH
 * take the other HTTP client ({@code patchingHttp}), since the URL-connection one cannot send PATCH.
 */
public record SdkClientSettings(String region, AwsCredentialsProvider credentials, SdkHttpClient http,
    Supplier<SdkHttpClient> patchingHttp, Optional<URI> endpoint) {

  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
    return build(builder, http);
  }

  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C buildSendingPatch(B builder) {
    return build(builder, patchingHttp.get());
  }

  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, SdkHttpClient client) {
    builder.region(Region.of(region)).credentialsProvider(credentials).httpClient(client)
        .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.ADAPTIVE_V2).build());
    endpoint.ifPresent(builder::endpointOverride);
    return builder.build();
  }
}
