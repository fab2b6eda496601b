package dev.tap.operator.aws;

import software.amazon.awssdk.core.SdkClient;

/**
 * The AWS clients of one account, per service and region. Production builds SDK clients; tests and
 * the sandbox hand in the simulated AWS, which implements the same SDK interfaces.
 */
public interface AwsClients {

  <C extends SdkClient> C client(AwsService<C> service, String region);
}
