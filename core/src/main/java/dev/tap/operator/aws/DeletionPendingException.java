package dev.tap.operator.aws;

/**
 * A deletion AWS has accepted but not finished (a table in DELETING): not a failure, a reason to
 * keep the finalizer and look again, with a message for status.
 */
public final class DeletionPendingException extends RuntimeException {

  public DeletionPendingException(String message) {
    super(message);
  }
}
