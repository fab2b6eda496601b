package dev.tap.operator.aws;

import java.net.URI;
import java.util.Optional;
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
 * below the account's quotas is {@link AwsPacing}'s job.
 */
public record SdkClientSettings(String region, AwsCredentialsProvider credentials, SdkHttpClient http,
    Optional<URI> endpoint) {

  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
    builder.region(Region.of(region)).credentialsProvider(credentials).httpClient(http)
        .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.ADAPTIVE_V2).build());
    endpoint.ifPresent(builder::endpointOverride);
    return builder.build();
  }
}
