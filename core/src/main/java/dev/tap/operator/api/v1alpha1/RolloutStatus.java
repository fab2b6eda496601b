package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** Progress of moving the alias to the target version. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class RolloutStatus {

  /** The phase while a rollout runs: its alarm is kept, its steps are taken. */
  public static final String PROGRESSING = "Progressing";
  public static final String ROLLED_BACK = "RolledBack";

  @JsonPropertyDescription("Progressing, Succeeded or RolledBack.")
  private String phase;

  @JsonPropertyDescription("Current step of the rollout: 0 before any traffic moves, then 1, 2, ...")
  private Integer step;

  @JsonPropertyDescription("When the rollout started (RFC 3339).")
  private String startedAt;

  @JsonPropertyDescription("The version the alias serves, and goes back to on a rollback.")
  private String stableVersion;

  @JsonPropertyDescription("The version the rollout moves the alias to.")
  private String targetVersion;

  @JsonPropertyDescription("Share of traffic (0 to 1) the step gives the target version.")
  private Double weight;

  @JsonPropertyDescription("When the current step started (RFC 3339); the next one follows one interval later.")
  private String stepStartedAt;

  @JsonPropertyDescription("The alarm that sent the traffic back, after a rollback.")
  private String alarm;

  @JsonPropertyDescription("Why the rollout is where it is.")
  private String message;

  @JsonPropertyDescription("The last judgement of each analysis gate in this rollout.")
  private List<GateResult> gates;

  @JsonPropertyDescription("What the traffic checks got, before the first shift and after the last.")
  private List<CheckResult> checks;

  public String getPhase() {
    return phase;
  }

  public void setPhase(String phase) {
    this.phase = phase;
  }

  public Integer getStep() {
    return step;
  }

  public void setStep(Integer step) {
    this.step = step;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
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

  public Double getWeight() {
    return weight;
  }

  public void setWeight(Double weight) {
    this.weight = weight;
  }

  public String getStepStartedAt() {
    return stepStartedAt;
  }

  public void setStepStartedAt(String stepStartedAt) {
    this.stepStartedAt = stepStartedAt;
  }

  public String getAlarm() {
    return alarm;
  }

  public void setAlarm(String alarm) {
    this.alarm = alarm;
  }

  public List<GateResult> getGates() {
    return gates;
  }

  public void setGates(List<GateResult> gates) {
    this.gates = gates;
  }

  public List<CheckResult> getChecks() {
    return checks;
  }

  public void setChecks(List<CheckResult> checks) {
    this.checks = checks;
  }
}
