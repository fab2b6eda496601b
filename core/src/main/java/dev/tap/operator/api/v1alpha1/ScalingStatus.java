package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** Observed Application Auto Scaling state. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ScalingStatus {

  @JsonPropertyDescription("Registered scalable targets with their policies.")
  private List<ScalingTargetStatus> targets;

  public List<ScalingTargetStatus> getTargets() {
    return targets;
  }

  public void setTargets(List<ScalingTargetStatus> targets) {
    this.targets = targets;
  }
}
