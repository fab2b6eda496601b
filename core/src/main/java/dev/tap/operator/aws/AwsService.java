package dev.tap.operator.aws;

import java.util.function.Function;
import software.amazon.awssdk.core.SdkClient;

/**
 * One AWS service, described once: its name in calls and quotas ({@code dynamodb}), its id in the
 * SDK's endpoint settings ({@code AWS_ENDPOINT_URL_DYNAMODB}), the SDK client interface, how to build
 * the real client from shared settings. Stand-ins (the simulated AWS) find their clients by {@link #name()}.
 */
public record AwsService<C extends SdkClient>(String name, String title, String endpointId, Class<C> clientType,
    Function<SdkClientSettings, C> real) {

  @Override
  public String toString() {
    return title;
  }
}
