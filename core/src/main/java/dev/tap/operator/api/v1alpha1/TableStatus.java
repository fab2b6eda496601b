package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** Observed state of the DynamoDB table. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class TableStatus {

  @JsonPropertyDescription("Table name.")
  private String name;

  @JsonPropertyDescription("Table ARN.")
  private String arn;

  @JsonPropertyDescription("CREATING, UPDATING, DELETING or ACTIVE.")
  private String status;

  @JsonPropertyDescription("Current provisioned read capacity units.")
  private Long readCapacity;

  @JsonPropertyDescription("Current provisioned write capacity units.")
  private Long writeCapacity;

  @JsonPropertyDescription("Global secondary indexes.")
  private List<IndexStatus> indexes;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getArn() {
    return arn;
  }

  public void setArn(String arn) {
    this.arn = arn;
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

  public List<IndexStatus> getIndexes() {
    return indexes;
  }

  public void setIndexes(List<IndexStatus> indexes) {
    this.indexes = indexes;
  }
}
