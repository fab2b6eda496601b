package dev.tap.operator.reconciler;

import dev.tap.operator.api.v1alpha1.AckResourceMetadata;
import dev.tap.operator.api.v1alpha1.IdentityStatus;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.api.v1alpha1.ServerlessApiStatus;
import dev.tap.operator.naming.AwsNames;
import dev.tap.operator.naming.PartitionKey;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Objects;
import java.util.Optional;

/**
 * What AWS resources of a ServerlessApi are named and keyed by, and where they live: fixed once the
 * first is created. Recorded in status before that (so a crash cannot lose it), then compared on every
 * reconcile, whatever the API server's transition rules did or did not enforce (the region may come
 * from an annotation or AWS_REGION, which no CRD rule sees). Pure.
 */
record ResourceIdentity(String environment, String region, String tableName, String partitionKey) {

  static ResourceIdentity of(ServerlessApi api, String region) {
    return new ResourceIdentity(api.getSpec().getEnvironment(), region, AwsNames.of(api).table(),
        PartitionKey.of(api).toString());
  }

  /**
   * What the status recorded. A status written before identities were recorded still holds the region
   * and the table's name: what it holds is kept, the rest taken from {@code current}.
   */
  static Optional<ResourceIdentity> recorded(ServerlessApiStatus status, ResourceIdentity current) {
    if (status == null) {
      return Optional.empty();
    }
    IdentityStatus identity = status.getIdentity();
    String region = status.getAckResourceMetadata() == null ? null : status.getAckResourceMetadata().getRegion();
    if (identity == null) {
      String table = status.getTable() == null ? null : status.getTable().getName();
      return region == null && table == null ? Optional.empty() : Optional.of(new ResourceIdentity(
          table == null || table.equals(current.tableName) ? current.environment : null,
          region == null ? current.region : region, table == null ? current.tableName : table, current.partitionKey));
    }
    return Optional.of(new ResourceIdentity(identity.getEnvironment(), region == null ? current.region : region,
        identity.getTableName(), identity.getPartitionKey()));
  }

  /**
   * The resource as its AWS resources were created: the recorded environment and region in place of
   * the spec's (which may have changed since). What deletion acts on. Unchanged when nothing was recorded.
   */
  static ServerlessApi asRecorded(ServerlessApi api) {
    ServerlessApiStatus status = api.getStatus();
    if (api.getSpec() == null || status == null || status.getIdentity() == null) {
      return api;
    }
    ServerlessApi copy = Serialization.jsonMapper().convertValue(api, ServerlessApi.class);
    copy.getSpec().setEnvironment(status.getIdentity().getEnvironment());
    if (status.getAckResourceMetadata() != null && status.getAckResourceMetadata().getRegion() != null) {
      copy.getSpec().setRegion(status.getAckResourceMetadata().getRegion());
    }
    return copy;
  }

  /** Records this identity in the status: the region in ackResourceMetadata, the rest in identity. */
  void record(ServerlessApiStatus status) {
    IdentityStatus identity = new IdentityStatus();
    identity.setEnvironment(environment);
    identity.setTableName(tableName);
    identity.setPartitionKey(partitionKey);
    status.setIdentity(identity);
    if (status.getAckResourceMetadata() == null) {
      status.setAckResourceMetadata(new AckResourceMetadata());
    }
    status.getAckResourceMetadata().setRegion(region);
  }

  /** Why {@code now} cannot replace this identity, naming the field and the value AWS holds; empty when it can. */
  Optional<String> refusal(ResourceIdentity now) {
    if (!Objects.equals(region, now.region)) {
      return Optional.of("the region cannot change from '" + region + "' to '" + now.region + "' (from spec.region,"
          + " the services.k8s.aws/region annotation or the operator's AWS_REGION): the AWS resources live in "
          + region + "; set it back, or delete this resource and create a new one");
    }
    if (!Objects.equals(tableName, now.tableName)) {
      String change = environment != null && !environment.equals(now.environment)
          ? "spec.environment cannot change from '" + environment + "' to '" + now.environment + "'"
          : "the table's name cannot change from " + tableName + " to " + now.tableName;
      return Optional.of(change + ": the AWS resources are named after it (table " + tableName + ") and AWS cannot"
          + " rename them; set it back, or delete this resource and create a new one");
    }
    if (!Objects.equals(partitionKey, now.partitionKey)) {
      return Optional.of("spec.table.partitionKey cannot change from " + partitionKey + " to " + now.partitionKey
          + ": DynamoDB cannot change a table's key; set it back, or use a new environment");
    }
    return Optional.empty();
  }
}
