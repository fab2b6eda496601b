package dev.tap.operator.aws;

import java.time.Duration;

/**
 * AWS refuses a change until a known time (a DynamoDB capacity decrease over its daily quota):
 * ACK.Recoverable with that time in the message, retried then rather than with a backoff that would
 * only be refused again.
 */
public final class RetryLaterException extends RuntimeException {

  private final transient Duration wait;

  public RetryLaterException(String message, Duration wait) {
    super(message);
    this.wait = wait;
  }

  public Duration waitFor() {
    return wait;
  }
}
