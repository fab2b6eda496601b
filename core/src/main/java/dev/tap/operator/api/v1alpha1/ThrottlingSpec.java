package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** Stage-wide default method throttling. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ThrottlingSpec {

  @JsonPropertyDescription("Steady-state requests per second.")
  @Required
  @Min(1)
  @Max(10000)
  private Double rateLimit;

  @JsonPropertyDescription("Burst bucket size in requests.")
  @Required
  @Min(1)
  @Max(5000)
  private Integer burstLimit;

  public Double getRateLimit() {
    return rateLimit;
  }

  public void setRateLimit(Double rateLimit) {
    this.rateLimit = rateLimit;
  }

  public Integer getBurstLimit() {
    return burstLimit;
  }

  public void setBurstLimit(Integer burstLimit) {
    this.burstLimit = burstLimit;
  }
}
