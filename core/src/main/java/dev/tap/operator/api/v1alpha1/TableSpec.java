package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * The DynamoDB table, in PROVISIONED billing mode. The partition key's transition rule compares the
 * effective keys (unset means {@code id} of type S, as {@code TableDesiredBuilder} creates it) and sits
 * on this object: a rule on the field itself is skipped when the field is absent on either side.
 * Removing an index and adding it back with other keys stays allowed: DynamoDB drops and recreates it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "(has(self.partitionKey) ? self.partitionKey.name : 'id') == (has(oldSelf.partitionKey) ? oldSelf.partitionKey.name : 'id')"
    + " && (has(self.partitionKey) ? self.partitionKey.type : 'S') == (has(oldSelf.partitionKey) ? oldSelf.partitionKey.type : 'S')",
    message = "partitionKey is immutable (unset means id of type S): DynamoDB cannot change a table's key schema",
    fieldPath = ".partitionKey")
@ValidationRule(value = "!has(self.autoScaling) || !has(self.autoScaling.read) || (self.readCapacity >= self.autoScaling.read.minCapacity && self.readCapacity <= self.autoScaling.read.maxCapacity)", message = "readCapacity must lie within autoScaling.read minCapacity..maxCapacity", fieldPath = ".readCapacity")
@ValidationRule(value = "!has(self.autoScaling) || !has(self.autoScaling.write) || (self.writeCapacity >= self.autoScaling.write.minCapacity && self.writeCapacity <= self.autoScaling.write.maxCapacity)", message = "writeCapacity must lie within autoScaling.write minCapacity..maxCapacity", fieldPath = ".writeCapacity")
@JsonIgnoreProperties(ignoreUnknown = true)
public class TableSpec {

  @JsonPropertyDescription("Partition key of the table (default id, type S; the handler expects id).")
  private KeyAttribute partitionKey;

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

  @JsonPropertyDescription("Application Auto Scaling of the table's capacity.")
  private AutoScalingSpec autoScaling;

  @JsonPropertyDescription("Global secondary indexes (at most 20).")
  @Size(max = 20)
  @ValidationRule(value = "self.all(i, self.exists_one(j, j.indexName == i.indexName))", message = "indexName must be unique within globalSecondaryIndexes")
  @ValidationRule(value = "oldSelf.all(o, self.all(n, n.indexName != o.indexName || (n.partitionKey == o.partitionKey && has(n.sortKey) == has(o.sortKey) && (!has(n.sortKey) || n.sortKey == o.sortKey) && (has(n.projectionType) ? n.projectionType : 'ALL') == (has(o.projectionType) ? o.projectionType : 'ALL'))))", message = "an index's keys and projection are immutable: add an index under a new name instead")
  private List<IndexSpec> globalSecondaryIndexes;

  @JsonPropertyDescription("Continuous backups with point-in-time recovery.")
  private Boolean pointInTimeRecovery;

  @JsonPropertyDescription("DynamoDB deletion protection: DeleteTable is refused while it is on.")
  private Boolean deletionProtection;

  public KeyAttribute getPartitionKey() {
    return partitionKey;
  }

  public void setPartitionKey(KeyAttribute partitionKey) {
    this.partitionKey = partitionKey;
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

  public List<IndexSpec> getGlobalSecondaryIndexes() {
    return globalSecondaryIndexes;
  }

  public void setGlobalSecondaryIndexes(List<IndexSpec> globalSecondaryIndexes) {
    this.globalSecondaryIndexes = globalSecondaryIndexes;
  }

  public Boolean getPointInTimeRecovery() {
    return pointInTimeRecovery;
  }

  public void setPointInTimeRecovery(Boolean pointInTimeRecovery) {
    this.pointInTimeRecovery = pointInTimeRecovery;
  }

  public Boolean getDeletionProtection() {
    return deletionProtection;
  }

  public void setDeletionProtection(Boolean deletionProtection) {
    this.deletionProtection = deletionProtection;
  }
}
