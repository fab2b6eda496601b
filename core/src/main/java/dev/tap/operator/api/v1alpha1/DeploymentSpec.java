package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/** How a new version reaches the alias with zero downtime. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.canaryPercent) || (has(self.strategy) && self.strategy == 'Canary')", message = "canaryPercent is allowed only with strategy Canary", fieldPath = ".canaryPercent")
@ValidationRule(value = "!has(self.linearPercent) || (has(self.strategy) && self.strategy == 'Linear')", message = "linearPercent is allowed only with strategy Linear", fieldPath = ".linearPercent")
@ValidationRule(value = "!has(self.interval) || (has(self.strategy) && self.strategy != 'AllAtOnce')", message = "interval is allowed only with strategy Canary or Linear", fieldPath = ".interval")
@JsonIgnoreProperties(ignoreUnknown = true)
public class DeploymentSpec {

  @JsonPropertyDescription("AllAtOnce (default), Canary or Linear.")
  private DeploymentStrategy strategy;

  @JsonPropertyDescription("Canary: share of traffic on the new version during the first interval.")
  @Min(1)
  @Max(99)
  private Integer canaryPercent;

  @JsonPropertyDescription("Linear: share of traffic added every interval.")
  @Min(1)
  @Max(99)
  private Integer linearPercent;

  @JsonPropertyDescription("Time between steps, such as 30s, 5m or 1h.")
  @Pattern("^[1-9][0-9]{0,3}[smh]$")
  private String interval;

  @JsonPropertyDescription("Send all traffic back to the stable version when an alarm fires.")
  private Boolean rollbackOnAlarm;

  @JsonPropertyDescription("Hold the rollout at its current step (no traffic moves) until set back to false.")
  private Boolean paused;

  public DeploymentStrategy getStrategy() {
    return strategy;
  }

  public void setStrategy(DeploymentStrategy strategy) {
    this.strategy = strategy;
  }

  public Integer getCanaryPercent() {
    return canaryPercent;
  }

  public void setCanaryPercent(Integer canaryPercent) {
    this.canaryPercent = canaryPercent;
  }

  public Integer getLinearPercent() {
    return linearPercent;
  }

  public void setLinearPercent(Integer linearPercent) {
    this.linearPercent = linearPercent;
  }

  public String getInterval() {
    return interval;
  }

  public void setInterval(String interval) {
    this.interval = interval;
  }

  public Boolean getRollbackOnAlarm() {
    return rollbackOnAlarm;
  }

  public void setRollbackOnAlarm(Boolean rollbackOnAlarm) {
    this.rollbackOnAlarm = rollbackOnAlarm;
  }

  public Boolean getPaused() {
    return paused;
  }

  public void setPaused(Boolean paused) {
    this.paused = paused;
  }
}
