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
}
