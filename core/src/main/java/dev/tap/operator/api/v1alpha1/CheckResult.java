package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What one traffic check got. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class CheckResult {

  @JsonPropertyDescription("PreTraffic (the new version alone) or PostTraffic (through the stage).")
  private String phase;

  @JsonPropertyDescription("The request, such as GET /items.")
  private String request;

  @JsonPropertyDescription("Passed or Failed.")
  private String result;

  @JsonPropertyDescription("The HTTP status answered; absent when no answer came.")
  private Integer status;

  @JsonPropertyDescription("Why it failed.")
  private String message;

  public String getPhase() {
    return phase;
  }

  public void setPhase(String phase) {
    this.phase = phase;
  }

  public String getRequest() {
    return request;
  }

  public void setRequest(String request) {
    this.request = request;
  }

  public String getResult() {
    return result;
  }

  public void setResult(String result) {
    this.result = result;
  }

  public Integer getStatus() {
    return status;
  }

  public void setStatus(Integer status) {
    this.status = status;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
