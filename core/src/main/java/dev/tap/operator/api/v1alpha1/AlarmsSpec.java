package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** CloudWatch alarms on the API, the function and the table. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class AlarmsSpec {

  @JsonPropertyDescription("API Gateway 5XXError of the stage.")
  private AlarmSpec apiServerErrors;

  @JsonPropertyDescription("Lambda Errors of the alias.")
  private AlarmSpec lambdaErrors;

  @JsonPropertyDescription("Lambda Throttles of the alias.")
  private AlarmSpec lambdaThrottles;

  @JsonPropertyDescription("Lambda Duration of the alias, p99, in milliseconds.")
  private AlarmSpec lambdaDuration;

  @JsonPropertyDescription("DynamoDB throttled reads plus writes of the table.")
  private AlarmSpec tableThrottles;

  @JsonPropertyDescription("SNS topic ARNs notified on ALARM (at most 5).")
  @Size(max = 5)
  private List<String> actions;

  public AlarmSpec getApiServerErrors() {
    return apiServerErrors;
  }

  public void setApiServerErrors(AlarmSpec apiServerErrors) {
    this.apiServerErrors = apiServerErrors;
  }

  public AlarmSpec getLambdaErrors() {
    return lambdaErrors;
  }

  public void setLambdaErrors(AlarmSpec lambdaErrors) {
    this.lambdaErrors = lambdaErrors;
  }

  public AlarmSpec getLambdaThrottles() {
    return lambdaThrottles;
  }

  public void setLambdaThrottles(AlarmSpec lambdaThrottles) {
    this.lambdaThrottles = lambdaThrottles;
  }

  public AlarmSpec getTableThrottles() {
    return tableThrottles;
  }

  public void setTableThrottles(AlarmSpec tableThrottles) {
    this.tableThrottles = tableThrottles;
  }

  public List<String> getActions() {
    return actions;
  }

  public void setActions(List<String> actions) {
    this.actions = actions;
  }

  public AlarmSpec getLambdaDuration() {
    return lambdaDuration;
  }

  public void setLambdaDuration(AlarmSpec lambdaDuration) {
    this.lambdaDuration = lambdaDuration;
  }
}
