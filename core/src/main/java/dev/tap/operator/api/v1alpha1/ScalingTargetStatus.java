package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Observed Application Auto Scaling target and policy of one dimension. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ScalingTargetStatus {

  @JsonPropertyDescription("table/NAME or table/NAME/index/INDEX.")
  private String resourceId;

  @JsonPropertyDescription("dynamodb:table:ReadCapacityUnits and the like.")
  private String scalableDimension;

  @JsonPropertyDescription("Registered minimum capacity.")
  private Long minCapacity;

  @JsonPropertyDescription("Registered maximum capacity.")
  private Long maxCapacity;

  @JsonPropertyDescription("Target value of the tracking policy.")
  private Double targetUtilizationPercent;

  @JsonPropertyDescription("Name of the target-tracking policy.")
  private String policyName;

  public String getResourceId() {
    return resourceId;
  }

  public void setResourceId(String resourceId) {
    this.resourceId = resourceId;
  }

  public String getScalableDimension() {
    return scalableDimension;
  }

  public void setScalableDimension(String scalableDimension) {
    this.scalableDimension = scalableDimension;
  }

  public Long getMinCapacity() {
    return minCapacity;
  }

  public void setMinCapacity(Long minCapacity) {
    this.minCapacity = minCapacity;
  }

  public Long getMaxCapacity() {
    return maxCapacity;
  }

  public void setMaxCapacity(Long maxCapacity) {
    this.maxCapacity = maxCapacity;
  }

  public Double getTargetUtilizationPercent() {
    return targetUtilizationPercent;
  }

  public void setTargetUtilizationPercent(Double targetUtilizationPercent) {
    this.targetUtilizationPercent = targetUtilizationPercent;
  }

  public String getPolicyName() {
    return policyName;
  }

  public void setPolicyName(String policyName) {
    this.policyName = policyName;
  }
}
