package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Observed state of a global secondary index. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class IndexStatus {

  @JsonPropertyDescription("Index name.")
  private String indexName;

  @JsonPropertyDescription("CREATING, UPDATING, DELETING or ACTIVE.")
  private String status;

  @JsonPropertyDescription("Current provisioned read capacity units.")
  private Long readCapacity;

  @JsonPropertyDescription("Current provisioned write capacity units.")
  private Long writeCapacity;

  public String getIndexName() {
    return indexName;
  }

  public void setIndexName(String indexName) {
    this.indexName = indexName;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public Long getReadCapacity() {
    return readCapacity;
  }

  public void setReadCapacity(Long readCapacity) {
    this.readCapacity = readCapacity;
  }

  public Long getWriteCapacity() {
    return writeCapacity;
  }

  public void setWriteCapacity(Long writeCapacity) {
    this.writeCapacity = writeCapacity;
  }
}
