package dev.tap.operator.aws;

import java.time.Duration;

/**
 * A call held back because the account's quota for it is used up for now: not a failure, a
 * reschedule. Thrown before the call is sent, so nothing reached AWS.
 */
public final class QuotaWaitException extends RuntimeException {

  private final transient Duration wait;

  public QuotaWaitException(String message, Duration wait) {
    super(message);
    this.wait = wait;
  }

  /** How long until the quota has room for this call again. */
  public Duration waitFor() {
    return wait;
  }
}
