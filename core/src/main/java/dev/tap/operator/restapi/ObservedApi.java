package dev.tap.operator.restapi;

import java.util.Map;
import java.util.Optional;

/**
 * The REST API as AWS holds it: its id and tags, its stage (the deployment it serves, the definition
 * hash that deployment's description records, the method settings), the source ARN of our statement
 * in the alias's policy, and whether the account has an API Gateway CloudWatch role (read only when
 * logging is asked for).
 */
public record ObservedApi(String id, Map<String, String> tags, Optional<Stage> stage, Optional<String> permissionSourceArn,
    Optional<Boolean> accountLogsRole) {

  /** The same, with the source ARN of our statement as read. */
  public ObservedApi withPermissionSourceArn(Optional<String> sourceArn) {
    return new ObservedApi(id, tags, stage, sourceArn, accountLogsRole);
  }

  /** The stage: its deployment, that deployment's definition hash (null: not ours), its settings. */
  public record Stage(String deploymentId, String definitionHash, StageSettings settings) {}
}
