package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * What one environment of the serverless API should look like on AWS. The region's transition rule
 * sits on this object, not on the field: the API server skips a field's transition rule when the
 * field is absent on either side, so removing it in one apply and setting another in the next would
 * pass. Adding a region is refused too: the resource already lives in the region the annotation or
 * AWS_REGION gave it, and a region added in error could then never be removed again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.api) || has(self.function)", message = "api needs a function to integrate with", fieldPath = ".api")
@ValidationRule(value = "has(self.region) == has(oldSelf.region) && (!has(self.region) || self.region == oldSelf.region)",
    message = "region is immutable: it cannot be changed, added or removed after creation, since every AWS resource"
        + " of this one lives in the region it was created in",
    fieldPath = ".region")
@JsonIgnoreProperties(ignoreUnknown = true)
public class ServerlessApiSpec {

  /** AWS region names, such as us-east-1, us-gov-west-1 or us-isob-east-1; also checked for the region annotation. */
  public static final String REGION_PATTERN = "^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$";

  /** Required, so it cannot be removed: its own transition rule sees every change. */
  @JsonPropertyDescription("Environment name, the suffix of every AWS resource name.")
  @Required
  @Pattern("^[a-z][a-z0-9-]{0,19}$")
  @ValidationRule(value = "self == oldSelf", message = "environment is immutable: it is part of every AWS resource name")
  private String environment;

  @JsonPropertyDescription("AWS region (else the services.k8s.aws/region annotation, else AWS_REGION).")
  @Pattern(REGION_PATTERN)
  private String region;

  @JsonPropertyDescription("Retain or Delete the AWS resources with the ServerlessApi (default Retain for prod, Delete otherwise).")
  private DeletionPolicy deletionPolicy;

  @JsonPropertyDescription("The DynamoDB table.")
  @Required
  private TableSpec table;

  @JsonPropertyDescription("The Lambda function.")
  private FunctionSpec function;

  @JsonPropertyDescription("The API Gateway REST API.")
  private ApiSpec api;

  @JsonPropertyDescription("CloudWatch alarms.")
  private AlarmsSpec alarms;

  public String getEnvironment() {
    return environment;
  }

  public void setEnvironment(String environment) {
    this.environment = environment;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }

  public TableSpec getTable() {
    return table;
  }

  public void setTable(TableSpec table) {
    this.table = table;
  }

  public FunctionSpec getFunction() {
    return function;
  }

  public void setFunction(FunctionSpec function) {
    this.function = function;
  }

  public ApiSpec getApi() {
    return api;
  }

  public void setApi(ApiSpec api) {
    this.api = api;
  }

  public AlarmsSpec getAlarms() {
    return alarms;
  }

  public void setAlarms(AlarmsSpec alarms) {
    this.alarms = alarms;
  }
}
