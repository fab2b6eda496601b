package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** How a new version reaches the alias with zero downtime. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.canaryPercent) || (has(self.strategy) && self.strategy == 'Canary')", message = "canaryPercent is allowed only with strategy Canary", fieldPath = ".canaryPercent")
@ValidationRule(value = "!has(self.linearPercent) || (has(self.strategy) && self.strategy == 'Linear')", message = "linearPercent is allowed only with strategy Linear", fieldPath = ".linearPercent")
@ValidationRule(value = "!has(self.interval) || (has(self.strategy) && self.strategy != 'AllAtOnce')", message = "interval is allowed only with strategy Canary or Linear", fieldPath = ".interval")
@ValidationRule(value = "!has(self.analysis) || (has(self.strategy) && self.strategy != 'AllAtOnce')", message = "analysis is allowed only with strategy Canary or Linear", fieldPath = ".analysis")
@ValidationRule(value = "!has(self.approval) || (has(self.strategy) && self.strategy != 'AllAtOnce')", message = "approval is allowed only with strategy Canary or Linear", fieldPath = ".approval")
@ValidationRule(value = "!has(self.trafficChecks) || (has(self.strategy) && self.strategy != 'AllAtOnce')", message = "trafficChecks are allowed only with strategy Canary or Linear", fieldPath = ".trafficChecks")
@ValidationRule(value = "!has(self.approval) || !has(self.approval.beforePercent) || self.approval.beforePercent == 100 || (has(self.canaryPercent) && self.approval.beforePercent == self.canaryPercent) || (has(self.linearPercent) && self.approval.beforePercent % self.linearPercent == 0)", message = "approval.beforePercent must be the share of one of the strategy's steps: canaryPercent, a multiple of linearPercent, or 100", fieldPath = ".approval.beforePercent")
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

  @JsonPropertyDescription("Bounds on the new version's own metrics (by ExecutedVersion), judged with GetMetricData while each step runs and before traffic shifts again; a failing gate rolls back as an alarm does.")
  @Size(max = 4)
  private List<AnalysisGate> analysis;

  @JsonPropertyDescription("A step that waits for kubectl tap promote.")
  private ApprovalSpec approval;

  @JsonPropertyDescription("Requests the new version must answer as declared: before any traffic shifts, on the new version alone (Lambda's Invoke on the version); after the last shift, through the stage. A failure rolls back.")
  @Size(max = 10)
  private List<TrafficCheck> trafficChecks;

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

  public List<AnalysisGate> getAnalysis() {
    return analysis;
  }

  public void setAnalysis(List<AnalysisGate> analysis) {
    this.analysis = analysis;
  }

  public ApprovalSpec getApproval() {
    return approval;
  }

  public void setApproval(ApprovalSpec approval) {
    this.approval = approval;
  }

  public List<TrafficCheck> getTrafficChecks() {
    return trafficChecks;
  }

  public void setTrafficChecks(List<TrafficCheck> trafficChecks) {
    this.trafficChecks = trafficChecks;
  }
}
