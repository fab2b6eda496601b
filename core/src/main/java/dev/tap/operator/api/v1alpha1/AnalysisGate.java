package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A bound on the new version's own traffic during each step: judged while the step runs (a breach with
 * enough requests rolls back at once) and at its end, before traffic shifts again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.metric != 'ErrorRate' || self.max <= 100.0", message = "an ErrorRate gate's max is a percentage: at most 100", fieldPath = ".max")
@JsonIgnoreProperties(ignoreUnknown = true)
public class AnalysisGate {

  @JsonPropertyDescription("ErrorRate (errors per invocation, in percent) or P99Duration (milliseconds), of the new version's invocations through the alias.")
  @Required
  private GateMetric metric;

  @JsonPropertyDescription("The gate fails when the metric is above this value.")
  @Required
  @Min(0)
  private Double max;

  @JsonPropertyDescription("Requests the new version must have served in the step before the gate judges it.")
  @Required
  @Min(1)
  @Max(1000000)
  private Integer minRequests;

  @JsonPropertyDescription("When the step ends below minRequests: Extend (another interval, the default), Hold (until kubectl tap promote) or Fail (roll back).")
  private TooFewRequests whenTooFewRequests;

  public GateMetric getMetric() {
    return metric;
  }

  public void setMetric(GateMetric metric) {
    this.metric = metric;
  }

  public Double getMax() {
    return max;
  }

  public void setMax(Double max) {
    this.max = max;
  }

  public Integer getMinRequests() {
    return minRequests;
  }

  public void setMinRequests(Integer minRequests) {
    this.minRequests = minRequests;
  }

  public TooFewRequests getWhenTooFewRequests() {
    return whenTooFewRequests;
  }

  public void setWhenTooFewRequests(TooFewRequests whenTooFewRequests) {
    this.whenTooFewRequests = whenTooFewRequests;
  }
}
