package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

/** The API Gateway REST API and its stage. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ApiSpec {

  @JsonPropertyDescription("Stage name (default: the environment).")
  @Pattern("^[a-zA-Z0-9_]{1,128}$")
  private String stageName;

  @JsonPropertyDescription("Stage throttling.")
  private ThrottlingSpec throttling;

  @JsonPropertyDescription("Execution logging: OFF, ERROR or INFO.")
  private LoggingLevel loggingLevel;

  @JsonPropertyDescription("Log full requests and responses; keep off in production.")
  private Boolean dataTraceEnabled;

  @JsonPropertyDescription("Detailed CloudWatch metrics for the stage.")
  private Boolean metricsEnabled;

  @JsonPropertyDescription("AWS X-Ray tracing of the stage.")
  private Boolean tracingEnabled;

  @JsonPropertyDescription("Access logs of the stage; none when unset.")
  private AccessLogSpec accessLogs;

  public String getStageName() {
    return stageName;
  }

  public void setStageName(String stageName) {
    this.stageName = stageName;
  }

  public ThrottlingSpec getThrottling() {
    return throttling;
  }

  public void setThrottling(ThrottlingSpec throttling) {
    this.throttling = throttling;
  }

  public LoggingLevel getLoggingLevel() {
    return loggingLevel;
  }

  public void setLoggingLevel(LoggingLevel loggingLevel) {
    this.loggingLevel = loggingLevel;
  }

  public Boolean getDataTraceEnabled() {
    return dataTraceEnabled;
  }

  public void setDataTraceEnabled(Boolean dataTraceEnabled) {
    this.dataTraceEnabled = dataTraceEnabled;
  }

  public Boolean getMetricsEnabled() {
    return metricsEnabled;
  }

  public void setMetricsEnabled(Boolean metricsEnabled) {
    this.metricsEnabled = metricsEnabled;
  }

  public Boolean getTracingEnabled() {
    return tracingEnabled;
  }

  public void setTracingEnabled(Boolean tracingEnabled) {
    this.tracingEnabled = tracingEnabled;
  }

  public AccessLogSpec getAccessLogs() {
    return accessLogs;
  }

  public void setAccessLogs(AccessLogSpec accessLogs) {
    this.accessLogs = accessLogs;
  }
}
