package dev.tap.operator.table;

/**
 * Provisioned capacity of a table or index as the spec wants it, and which dimensions Application
 * Auto Scaling owns: those are set at creation and never written again.
 */
public record Capacity(long read, long write, boolean readAutoscaled, boolean writeAutoscaled) {

  /** What to ask for now, given what AWS holds: spec values for our dimensions, AWS's for autoscaled ones. */
  public long readGiven(long current) {
    return readAutoscaled ? current : read;
  }

  public long writeGiven(long current) {
    return writeAutoscaled ? current : write;
  }
}
