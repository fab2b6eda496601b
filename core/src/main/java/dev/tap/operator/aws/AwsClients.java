package dev.tap.operator.aws;

import java.util.function.BiFunction;
import software.amazon.awssdk.core.SdkClient;

/**
 * The AWS clients of one account, per service and region. Production builds SDK clients; tests and
 * the sandbox hand in stand-ins that implement the same SDK interfaces, found by service name.
 */
public interface AwsClients {

  <C extends SdkClient> C client(AwsService<C> service, String region);

  /** Clients found by the service's {@link AwsService#name() name} and region, as a stand-in keeps them. */
  static AwsClients byName(BiFunction<String, String, SdkClient> clients) {
    return new AwsClients() {
      @Override
      public <C extends SdkClient> C client(AwsService<C> service, String region) {
        return service.clientType().cast(clients.apply(service.name(), region));
      }
    };
  }
}
