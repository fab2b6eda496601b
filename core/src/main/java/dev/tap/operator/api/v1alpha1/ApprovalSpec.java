package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** A step that waits for a human: {@code kubectl tap promote}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ApprovalSpec {

  @JsonPropertyDescription("The step that would give the new version this share of traffic (100 by default: the promotion) waits, once the step before it has run its interval and passed its gates, for kubectl tap promote.")
  @Min(1)
  @Max(100)
  private Integer beforePercent;

  @JsonPropertyDescription("How long to wait for the approval, such as 30m or 2h (1h by default).")
  @Pattern("^[1-9][0-9]{0,3}[smh]$")
  private String timeout;

  @JsonPropertyDescription("When nobody approved in time: Hold (keep waiting, the default) or RollBack.")
  private ApprovalTimeout onTimeout;

  public Integer getBeforePercent() {
    return beforePercent;
  }

  public void setBeforePercent(Integer beforePercent) {
    this.beforePercent = beforePercent;
  }

  public String getTimeout() {
    return timeout;
  }

  public void setTimeout(String timeout) {
    this.timeout = timeout;
  }

  public ApprovalTimeout getOnTimeout() {
    return onTimeout;
  }

  public void setOnTimeout(ApprovalTimeout onTimeout) {
    this.onTimeout = onTimeout;
  }
}
