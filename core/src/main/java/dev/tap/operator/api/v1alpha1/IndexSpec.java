package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** A global secondary index with its own provisioned throughput. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.autoScaling) || !has(self.autoScaling.read) || (self.readCapacity >= self.autoScaling.read.minCapacity && self.readCapacity <= self.autoScaling.read.maxCapacity)", message = "readCapacity must lie within autoScaling.read minCapacity..maxCapacity", fieldPath = ".readCapacity")
@ValidationRule(value = "!has(self.autoScaling) || !has(self.autoScaling.write) || (self.writeCapacity >= self.autoScaling.write.minCapacity && self.writeCapacity <= self.autoScaling.write.maxCapacity)", message = "writeCapacity must lie within autoScaling.write minCapacity..maxCapacity", fieldPath = ".writeCapacity")
@ValidationRule(value = "has(self.nonKeyAttributes) == (has(self.projectionType) && self.projectionType == 'INCLUDE')", message = "nonKeyAttributes is required with projectionType INCLUDE and allowed only with it", fieldPath = ".nonKeyAttributes")
@JsonIgnoreProperties(ignoreUnknown = true)
public class IndexSpec {

  @JsonPropertyDescription("Index name, unique within the table.")
  @Required
  @Size(min = 3, max = 255)
  @Pattern("^[a-zA-Z0-9_.-]+$")
  private String indexName;

  @JsonPropertyDescription("Partition key of the index.")
  @Required
  private KeyAttribute partitionKey;

  @JsonPropertyDescription("Optional sort key of the index.")
  private KeyAttribute sortKey;

  @JsonPropertyDescription("Attributes copied into the index (default ALL).")
  private ProjectionType projectionType;

  @JsonPropertyDescription("Attributes projected with projectionType INCLUDE.")
  @Size(min = 1, max = 20)
  private List<String> nonKeyAttributes;

  @JsonPropertyDescription("Provisioned read capacity units at creation, and while not autoscaled.")
  @Required
  @Min(1)
  @Max(40000)
  private Long readCapacity;

  @JsonPropertyDescription("Provisioned write capacity units at creation, and while not autoscaled.")
  @Required
  @Min(1)
  @Max(40000)
  private Long writeCapacity;

  @JsonPropertyDescription("Application Auto Scaling of the index's capacity.")
  private AutoScalingSpec autoScaling;

  public String getIndexName() {
    return indexName;
  }

  public void setIndexName(String indexName) {
    this.indexName = indexName;
  }

  public KeyAttribute getPartitionKey() {
    return partitionKey;
  }

  public void setPartitionKey(KeyAttribute partitionKey) {
    this.partitionKey = partitionKey;
  }

  public KeyAttribute getSortKey() {
    return sortKey;
  }

  public void setSortKey(KeyAttribute sortKey) {
    this.sortKey = sortKey;
  }

  public ProjectionType getProjectionType() {
    return projectionType;
  }

  public void setProjectionType(ProjectionType projectionType) {
    this.projectionType = projectionType;
  }

  public List<String> getNonKeyAttributes() {
    return nonKeyAttributes;
  }

  public void setNonKeyAttributes(List<String> nonKeyAttributes) {
    this.nonKeyAttributes = nonKeyAttributes;
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

  public AutoScalingSpec getAutoScaling() {
    return autoScaling;
  }

  public void setAutoScaling(AutoScalingSpec autoScaling) {
    this.autoScaling = autoScaling;
  }
}
