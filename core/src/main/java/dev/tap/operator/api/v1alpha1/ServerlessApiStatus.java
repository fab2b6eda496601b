package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Map;

/** Observed state, ACK-style: conditions plus one section per AWS resource. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ServerlessApiStatus {

  @JsonPropertyDescription("The generation of the spec this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("Ready, ACK.ResourceSynced, ACK.Terminal, ACK.Recoverable, ACK.Adopted, Progressing.")
  private List<Condition> conditions;

  @JsonPropertyDescription("Account and region of the AWS resources.")
  private AckResourceMetadata ackResourceMetadata;

  @JsonPropertyDescription("Names and keys of the AWS resources, recorded before the first is created; they cannot change.")
  private IdentityStatus identity;

  @JsonPropertyDescription("The DynamoDB table.")
  private TableStatus table;

  @JsonPropertyDescription("Application Auto Scaling.")
  private ScalingStatus scaling;

  @JsonPropertyDescription("The Lambda function and alias.")
  private FunctionStatus function;

  @JsonPropertyDescription("The alias rollout.")
  private RolloutStatus rollout;

  @JsonPropertyDescription("The REST API and stage.")
  private ApiStatus api;

  @JsonPropertyDescription("CloudWatch alarms.")
  private List<AlarmStatus> alarms;

  @JsonPropertyDescription("The kubectl tap commands acted on: each rollout.tap.dev/ annotation's value (VERSION/NONCE), by command.")
  private Map<String, String> rolloutCommands;

  @JsonPropertyDescription("The alias's last rollouts, oldest first: at most 10.")
  private List<RolloutHistoryEntry> rolloutHistory;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public AckResourceMetadata getAckResourceMetadata() {
    return ackResourceMetadata;
  }

  public void setAckResourceMetadata(AckResourceMetadata ackResourceMetadata) {
    this.ackResourceMetadata = ackResourceMetadata;
  }

  public IdentityStatus getIdentity() {
    return identity;
  }

  public void setIdentity(IdentityStatus identity) {
    this.identity = identity;
  }

  public TableStatus getTable() {
    return table;
  }

  public void setTable(TableStatus table) {
    this.table = table;
  }

  public ScalingStatus getScaling() {
    return scaling;
  }

  public void setScaling(ScalingStatus scaling) {
    this.scaling = scaling;
  }

  public FunctionStatus getFunction() {
    return function;
  }

  public void setFunction(FunctionStatus function) {
    this.function = function;
  }

  public RolloutStatus getRollout() {
    return rollout;
  }

  public void setRollout(RolloutStatus rollout) {
    this.rollout = rollout;
  }

  public ApiStatus getApi() {
    return api;
  }

  public void setApi(ApiStatus api) {
    this.api = api;
  }

  public Map<String, String> getRolloutCommands() {
    return rolloutCommands;
  }

  public void setRolloutCommands(Map<String, String> rolloutCommands) {
    this.rolloutCommands = rolloutCommands;
  }

  public List<RolloutHistoryEntry> getRolloutHistory() {
    return rolloutHistory;
  }

  public void setRolloutHistory(List<RolloutHistoryEntry> rolloutHistory) {
    this.rolloutHistory = rolloutHistory;
  }

  public List<AlarmStatus> getAlarms() {
    return alarms;
  }

  public void setAlarms(List<AlarmStatus> alarms) {
    this.alarms = alarms;
  }
}
