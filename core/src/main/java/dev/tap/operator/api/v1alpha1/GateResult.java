package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The last judgement of one analysis gate. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class GateResult {

  @JsonPropertyDescription("ErrorRate or P99Duration.")
  private String metric;

  @JsonPropertyDescription("Passed, Failed or TooFewRequests.")
  private String result;

  @JsonPropertyDescription("The metric's value over the step so far (percent or milliseconds); absent without requests.")
  private Double value;

  @JsonPropertyDescription("The gate's bound.")
  private Double max;

  @JsonPropertyDescription("Requests the new version served in the step so far.")
  private Long requests;

  @JsonPropertyDescription("The step judged.")
  private Integer step;

  @JsonPropertyDescription("When it was judged (RFC 3339).")
  private String evaluatedAt;

  public String getMetric() {
    return metric;
  }

  public void setMetric(String metric) {
    this.metric = metric;
  }

  public String getResult() {
    return result;
  }

  public void setResult(String result) {
    this.result = result;
  }

  public Double getValue() {
    return value;
  }

  public void setValue(Double value) {
    this.value = value;
  }

  public Double getMax() {
    return max;
  }

  public void setMax(Double max) {
    this.max = max;
  }

  public Long getRequests() {
    return requests;
  }

  public void setRequests(Long requests) {
    this.requests = requests;
  }

  public Integer getStep() {
    return step;
  }

  public void setStep(Integer step) {
    this.step = step;
  }

  public String getEvaluatedAt() {
    return evaluatedAt;
  }

  public void setEvaluatedAt(String evaluatedAt) {
    this.evaluatedAt = evaluatedAt;
  }
}
