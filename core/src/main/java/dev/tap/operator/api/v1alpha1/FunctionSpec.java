package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The Lambda function, its published versions and the environment's alias. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class FunctionSpec {

  @JsonPropertyDescription("Lambda runtime (default java21).")
  @Pattern("^(java(8\\.al2|11|17|21|25)|provided\\.al2(023)?)$")
  private String runtime;

  @JsonPropertyDescription("Handler entry point (default dev.tap.handler.ItemsHandler::handleRequest).")
  @Size(min = 1, max = 128)
  private String handler;

  @JsonPropertyDescription("Memory in MB (128-10240).")
  @Min(128)
  @Max(10240)
  private Integer memorySize;

  @JsonPropertyDescription("Timeout in seconds (1-900).")
  @Min(1)
  @Max(900)
  private Integer timeout;

  @JsonPropertyDescription("Execution role ARN; referenced, never created.")
  @Required
  @Pattern("^arn:aws[a-z-]*:iam::[0-9]{12}:role/[a-zA-Z0-9+=,.@_/-]{1,512}$")
  private String role;

  @JsonPropertyDescription("Instruction set: x86_64 (default) or arm64.")
  private Architecture architecture;

  @JsonPropertyDescription("SnapStart for published versions (Java runtimes): PublishedVersions or None (default).")
  private SnapStartApplyOn snapStart;

  @JsonPropertyDescription("The Secret key whose value signs the handler's page tokens (PAGE_TOKEN_KEY). Without it the"
      + " operator generates one once, in the Secret <name>-page-token owned by this resource.")
  private SecretKeyRef pageTokenSecret;

  @JsonPropertyDescription("Deployment package: S3 object or image URI.")
  @Required
  private CodeSpec code;

  @JsonPropertyDescription("Pin the alias to this published version.")
  @Pattern("^[1-9][0-9]{0,9}$")
  private String version;

  @JsonPropertyDescription("Besides the versions the alias routes to, how many of the newest published versions to keep;"
      + " older ones are deleted. Default 5, and every version for environment prod.")
  @Min(1)
  @Max(100)
  private Integer keepVersions;

  @JsonPropertyDescription("Environment variables of the function.")
  private FunctionEnvironment environment;

  @JsonPropertyDescription("Rollout of a new version to the alias.")
  private DeploymentSpec deployment;

  public String getRuntime() {
    return runtime;
  }

  public void setRuntime(String runtime) {
    this.runtime = runtime;
  }

  public String getHandler() {
    return handler;
  }

  public void setHandler(String handler) {
    this.handler = handler;
  }

  public Integer getMemorySize() {
    return memorySize;
  }

  public void setMemorySize(Integer memorySize) {
    this.memorySize = memorySize;
  }

  public Integer getTimeout() {
    return timeout;
  }

  public void setTimeout(Integer timeout) {
    this.timeout = timeout;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public CodeSpec getCode() {
    return code;
  }

  public void setCode(CodeSpec code) {
    this.code = code;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public Integer getKeepVersions() {
    return keepVersions;
  }

  public void setKeepVersions(Integer keepVersions) {
    this.keepVersions = keepVersions;
  }

  public FunctionEnvironment getEnvironment() {
    return environment;
  }

  public void setEnvironment(FunctionEnvironment environment) {
    this.environment = environment;
  }

  public DeploymentSpec getDeployment() {
    return deployment;
  }

  public void setDeployment(DeploymentSpec deployment) {
    this.deployment = deployment;
  }

  public Architecture getArchitecture() {
    return architecture;
  }

  public void setArchitecture(Architecture architecture) {
    this.architecture = architecture;
  }

  public SnapStartApplyOn getSnapStart() {
    return snapStart;
  }

  public void setSnapStart(SnapStartApplyOn snapStart) {
    this.snapStart = snapStart;
  }

  public SecretKeyRef getPageTokenSecret() {
    return pageTokenSecret;
  }

  public void setPageTokenSecret(SecretKeyRef pageTokenSecret) {
    this.pageTokenSecret = pageTokenSecret;
  }
}
