package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Observed state of the Lambda function and alias. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class FunctionStatus {

  @JsonPropertyDescription("Function name.")
  private String name;

  @JsonPropertyDescription("Function ARN.")
  private String arn;

  @JsonPropertyDescription("Version that takes the main share of the alias traffic.")
  private String stableVersion;

  @JsonPropertyDescription("Version the alias is moving to.")
  private String targetVersion;

  @JsonPropertyDescription("Share of traffic on the target version (0-1).")
  private Double canaryWeight;

  @JsonPropertyDescription("Published versions that exist (Lambda's code storage is finite).")
  private Integer versions;

  @JsonPropertyDescription("What the alias serves, for kubectl: 7, or 6→7 (10%) while a rollout shifts traffic.")
  private String serving;

  @JsonPropertyDescription("Lambda's LastUpdateStatus of the function: InProgress, Successful or Failed.")
  private String lastUpdateStatus;

  @JsonPropertyDescription("Why the last update failed, as Lambda says.")
  private String lastUpdateStatusReason;

  @JsonPropertyDescription("Digest of the last code and configuration update the operator sent. When Lambda reports"
      + " that update Failed, the operator does not send it again until spec.function changes.")
  private String lastUpdateAttempt;

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

  public String getStableVersion() {
    return stableVersion;
  }

  public void setStableVersion(String stableVersion) {
    this.stableVersion = stableVersion;
  }

  public String getTargetVersion() {
    return targetVersion;
  }

  public void setTargetVersion(String targetVersion) {
    this.targetVersion = targetVersion;
  }

  public Double getCanaryWeight() {
    return canaryWeight;
  }

  public void setCanaryWeight(Double canaryWeight) {
    this.canaryWeight = canaryWeight;
  }

  public Integer getVersions() {
    return versions;
  }

  public void setVersions(Integer versions) {
    this.versions = versions;
  }

  public String getLastUpdateStatus() {
    return lastUpdateStatus;
  }

  public void setLastUpdateStatus(String lastUpdateStatus) {
    this.lastUpdateStatus = lastUpdateStatus;
  }

  public String getLastUpdateStatusReason() {
    return lastUpdateStatusReason;
  }

  public void setLastUpdateStatusReason(String lastUpdateStatusReason) {
    this.lastUpdateStatusReason = lastUpdateStatusReason;
  }

  public String getLastUpdateAttempt() {
    return lastUpdateAttempt;
  }

  public void setLastUpdateAttempt(String lastUpdateAttempt) {
    this.lastUpdateAttempt = lastUpdateAttempt;
  }

  public String getServing() {
    return serving;
  }

  public void setServing(String serving) {
    this.serving = serving;
  }
}
