package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** One rollout of the alias, as kubectl tap history shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class RolloutHistoryEntry {

  @JsonPropertyDescription("The version rolled out.")
  private String version;

  @JsonPropertyDescription("The version it replaced.")
  private String from;

  @JsonPropertyDescription("When the rollout started.")
  private String startedAt;

  @JsonPropertyDescription("Each share of traffic it reached, and when, such as 10% at 2026-12-05T03:10:00Z.")
  private List<String> steps = new ArrayList<>();

  @JsonPropertyDescription("Progressing, Succeeded, RolledBack, Aborted or Abandoned.")
  private String result;

  @JsonPropertyDescription("When it ended.")
  private String endedAt;

  @JsonPropertyDescription("Why it ended so.")
  private String reason;

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public List<String> getSteps() {
    return steps;
  }

  public void setSteps(List<String> steps) {
    this.steps = steps;
  }

  public String getResult() {
    return result;
  }

  public void setResult(String result) {
    this.result = result;
  }

  public String getEndedAt() {
    return endedAt;
  }

  public void setEndedAt(String endedAt) {
    this.endedAt = endedAt;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
