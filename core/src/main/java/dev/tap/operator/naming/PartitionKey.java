package dev.tap.operator.naming;

import dev.tap.operator.api.v1alpha1.KeyAttribute;
import dev.tap.operator.api.v1alpha1.ServerlessApi;

/** The table's partition key: the spec's, or {@code id} of type S when it names none (the CRD's rules compare it so too). */
public record PartitionKey(String name, String type) {

  public static final PartitionKey DEFAULT = new PartitionKey("id", "S");

  public static PartitionKey of(ServerlessApi api) {
    KeyAttribute key = api.getSpec().getTable().getPartitionKey();
    return key == null ? DEFAULT : new PartitionKey(key.getName(), key.getType().name());
  }

  /** As messages and the recorded identity show it: {@code id (S)}. */
  @Override
  public String toString() {
    return name + " (" + type + ")";
  }
}
