package dev.tap.operator.aws.simulated.autoscaling;

import java.util.Optional;

/**
 * The capacity Application Auto Scaling reads and sets: the simulated DynamoDB's, or, when the
 * sandbox runs DynamoDB for real (dynalite), that endpoint's through its API, as the real scaler does.
 */
public interface ScalableCapacity {

  /** {read, write} of a table ({@code index} null) or index; empty when there is none. */
  Optional<long[]> capacity(String table, String index);

  void setCapacity(String table, String index, boolean read, long capacity);
}
