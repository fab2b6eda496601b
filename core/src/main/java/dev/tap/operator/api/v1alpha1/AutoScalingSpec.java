package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Autoscaled dimensions; a dimension listed here is owned by Application Auto Scaling. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class AutoScalingSpec {

  @JsonPropertyDescription("Target tracking on DynamoDBReadCapacityUtilization.")
  private ScalingSpec read;

  @JsonPropertyDescription("Target tracking on DynamoDBWriteCapacityUtilization.")
  private ScalingSpec write;

  public ScalingSpec getRead() {
    return read;
  }

  public void setRead(ScalingSpec read) {
    this.read = read;
  }

  public ScalingSpec getWrite() {
    return write;
  }

  public void setWrite(ScalingSpec write) {
    this.write = write;
  }
}
