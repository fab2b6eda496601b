package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * What the AWS resources are named and keyed by, recorded before the first of them is created; with
 * the region in ackResourceMetadata, what the spec may never change afterwards.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class IdentityStatus {

  @JsonPropertyDescription("spec.environment when the AWS resources were first created.")
  private String environment;

  @JsonPropertyDescription("The DynamoDB table's name.")
  private String tableName;

  @JsonPropertyDescription("The table's partition key, as name (type).")
  private String partitionKey;

  public String getEnvironment() {
    return environment;
  }

  public void setEnvironment(String environment) {
    this.environment = environment;
  }

  public String getTableName() {
    return tableName;
  }

  public void setTableName(String tableName) {
    this.tableName = tableName;
  }

  public String getPartitionKey() {
    return partitionKey;
  }

  public void setPartitionKey(String partitionKey) {
    this.partitionKey = partitionKey;
  }
}
