package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Observed state of the REST API and stage. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ApiStatus {

  @JsonPropertyDescription("REST API id.")
  private String id;

  @JsonPropertyDescription("Invoke URL of the stage.")
  private String invokeUrl;

  @JsonPropertyDescription("Deployment the stage serves.")
  private String deploymentId;

  @JsonPropertyDescription("Stage name.")
  private String stageName;

  @JsonPropertyDescription("Hash of the OpenAPI definition the stage serves (also in its deployment's description).")
  private String definitionHash;

  @JsonPropertyDescription("Stage throttling rate (requests per second) as API Gateway holds it.")
  private Double rateLimit;

  @JsonPropertyDescription("Stage throttling burst as API Gateway holds it.")
  private Integer burstLimit;

  @JsonPropertyDescription("Execution logging level as API Gateway holds it.")
  private String loggingLevel;

  @JsonPropertyDescription("Full request and response logging as API Gateway holds it.")
  private Boolean dataTraceEnabled;

  @JsonPropertyDescription("Detailed CloudWatch metrics as API Gateway holds them.")
  private Boolean metricsEnabled;

  @JsonPropertyDescription("X-Ray tracing as API Gateway holds it.")
  private Boolean tracingEnabled;

  @JsonPropertyDescription("Where access logs go, as API Gateway holds it (none: no access logs).")
  private String accessLogDestinationArn;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getInvokeUrl() {
    return invokeUrl;
  }

  public void setInvokeUrl(String invokeUrl) {
    this.invokeUrl = invokeUrl;
  }

  public String getDeploymentId() {
    return deploymentId;
  }

  public void setDeploymentId(String deploymentId) {
    this.deploymentId = deploymentId;
  }

  public String getStageName() {
    return stageName;
  }

  public void setStageName(String stageName) {
    this.stageName = stageName;
  }

  public String getDefinitionHash() {
    return definitionHash;
  }

  public void setDefinitionHash(String definitionHash) {
    this.definitionHash = definitionHash;
  }

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

  public String getLoggingLevel() {
    return loggingLevel;
  }

  public void setLoggingLevel(String loggingLevel) {
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

  public String getAccessLogDestinationArn() {
    return accessLogDestinationArn;
  }

  public void setAccessLogDestinationArn(String accessLogDestinationArn) {
    this.accessLogDestinationArn = accessLogDestinationArn;
  }
}
