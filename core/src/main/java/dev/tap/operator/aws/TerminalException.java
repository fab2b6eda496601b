package dev.tap.operator.aws;

/** A state the operator cannot fix by retrying: a human must change the spec or AWS first. */
public final class TerminalException extends RuntimeException {

  private final String reason;

  public TerminalException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** A CamelCase reason for the ACK.Terminal condition, such as {@code NotOwned}. */
  public String reason() {
    return reason;
  }
}
