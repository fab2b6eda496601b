package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** Application Auto Scaling target tracking for one capacity dimension. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.minCapacity <= self.maxCapacity", message = "minCapacity must not exceed maxCapacity", fieldPath = ".minCapacity")
@JsonIgnoreProperties(ignoreUnknown = true)
public class ScalingSpec {

  @JsonPropertyDescription("Lowest capacity units Application Auto Scaling may set.")
  @Required
  @Min(1)
  @Max(40000)
  private Long minCapacity;

  @JsonPropertyDescription("Highest capacity units Application Auto Scaling may set.")
  @Required
  @Min(1)
  @Max(40000)
  private Long maxCapacity;

  @JsonPropertyDescription("Consumed/provisioned ratio to track, in percent (20-90).")
  @Required
  @Min(20)
  @Max(90)
  private Integer targetUtilizationPercent;

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

  public Integer getTargetUtilizationPercent() {
    return targetUtilizationPercent;
  }

  public void setTargetUtilizationPercent(Integer targetUtilizationPercent) {
    this.targetUtilizationPercent = targetUtilizationPercent;
  }
}
