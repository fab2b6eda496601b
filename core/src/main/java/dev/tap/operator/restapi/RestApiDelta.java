package dev.tap.operator.restapi;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;

/**
 * Compares the API the spec asks for with what AWS holds and names the one next step, in order:
 * create; logging without the account's role; deploy when the stage does not serve this definition;
 * stage settings; the alias's permission. Pure: no I/O.
 */
public final class RestApiDelta {

  private RestApiDelta() {}

  public static RestApiAction next(ApiDefinition definition, StageSettings settings, String sourceArn,
      Optional<ObservedApi> maybeObserved) {
    if (maybeObserved.isEmpty()) {
      return new RestApiAction.Create();
    }
    ObservedApi observed = maybeObserved.get();
    if (settings.logs() && observed.accountLogsRole().filter(has -> !has).isPresent()) {
      return new RestApiAction.Blocked("NoCloudWatchRole", "execution logging (loggingLevel " + settings.loggingLevel()
          + (settings.dataTrace() ? ", dataTraceEnabled" : "") + ") needs the account's API Gateway CloudWatch role, and"
          + " this account and region have none: set it (API Gateway UpdateAccount, cloudwatchRoleArn), or turn"
          + " spec.api.loggingLevel OFF and dataTraceEnabled false");
    }
    if (observed.stage().isEmpty() || !definition.hash().equals(observed.stage().get().definitionHash())) {
      return new RestApiAction.Deploy(observed.stage().isPresent());
    }
    List<PatchOperation> patches = settings.patchesFrom(observed.stage().get().settings());
    if (!patches.isEmpty()) {
      return new RestApiAction.UpdateStage(patches);
    }
    if (observed.permissionSourceArn().isEmpty()) {
      return new RestApiAction.Permit(false);
    }
    if (!observed.permissionSourceArn().get().equals(sourceArn)) {
      return new RestApiAction.Permit(true);
    }
    return new RestApiAction.InSync();
  }
}
