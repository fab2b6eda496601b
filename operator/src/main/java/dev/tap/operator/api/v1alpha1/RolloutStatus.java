package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Progress of moving the alias to the target version. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class RolloutStatus {

  @JsonPropertyDescription("Idle, Progressing, Succeeded or RolledBack.")
  private String phase;

  @JsonPropertyDescription("Current step of the rollout.")
  private Integer step;

  @JsonPropertyDescription("When the rollout started (RFC 3339).")
  private String startedAt;

  @JsonPropertyDescription("Why the rollout is where it is.")
  private String message;

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
}
