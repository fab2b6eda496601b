package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** A CloudWatch metric alarm: threshold over evaluation periods. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.evaluationPeriods * self.periodSeconds <= (self.periodSeconds >= 3600 ? 604800 : 86400)", message = "evaluationPeriods x periodSeconds must not exceed one day (seven days for periods of an hour or more)", fieldPath = ".evaluationPeriods")
@JsonIgnoreProperties(ignoreUnknown = true)
public class AlarmSpec {

  @JsonPropertyDescription("Alarm when the metric is at or above this value.")
  @Required
  @Min(value = 0, inclusive = false)
  private Double threshold;

  @JsonPropertyDescription("How many periods are evaluated.")
  @Required
  @Min(1)
  private Integer evaluationPeriods;

  @JsonPropertyDescription("Length of a period: 10, 20, 30 or a multiple of 60 seconds.")
  @Required
  @Min(10)
  @ValidationRule(value = "self == 10 || self == 20 || self == 30 || self % 60 == 0", message = "periodSeconds must be 10, 20, 30 or a multiple of 60")
  private Integer periodSeconds;

  public Double getThreshold() {
    return threshold;
  }

  public void setThreshold(Double threshold) {
    this.threshold = threshold;
  }

  public Integer getEvaluationPeriods() {
    return evaluationPeriods;
  }

  public void setEvaluationPeriods(Integer evaluationPeriods) {
    this.evaluationPeriods = evaluationPeriods;
  }

  public Integer getPeriodSeconds() {
    return periodSeconds;
  }

  public void setPeriodSeconds(Integer periodSeconds) {
    this.periodSeconds = periodSeconds;
  }
}
