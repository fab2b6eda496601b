package dev.tap.operator.aws.simulated;

import java.time.Instant;
import software.amazon.awssdk.core.SdkClient;

/**
 * What every simulated service client shares: the account it enters on each call, and the region's
 * state of its service, where the rules live. A subclass implements the SDK interface's operations
 * as mappings: {@code enter("Operation")}, the state's method, the response.
 */
public abstract class SimulatedClient<S> implements SdkClient {

  private final SimulatedAws aws;
  private final String service;
  private final S state;

  protected SimulatedClient(SimulatedAws aws, String service, S state) {
    this.aws = aws;
    this.service = service;
    this.state = state;
  }

  /** The region's entities and rules, and the test controls that count no call. */
  public final S state() {
    return state;
  }

  /** Every call passes the account first: counted, delayed, then refused if a fault or a quota says so. */
  protected final void enter(String operation) {
    aws.enter(service, operation);
  }

  /** The account's time, the one its rules (settling, quotas) go by. */
  protected final Instant now() {
    return aws.clock().instant();
  }

  @Override
  public final String serviceName() {
    return service;
  }

  @Override
  public final void close() {
    // Nothing to release: the simulated account outlives its clients.
  }
}
