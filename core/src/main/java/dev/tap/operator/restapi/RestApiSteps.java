package dev.tap.operator.restapi;

import dev.tap.operator.aws.AwsServices;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.workflow.AwsSession;
import dev.tap.operator.naming.AwsNames;
import dev.tap.operator.naming.OwnerTags;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;

/**
 * Takes the one step {@link RestApiDelta} named, with one Event per change, and answers the outcome
 * of the reconcile: after a create, the API as created. Every step but a create has an observed API.
 */
final class RestApiSteps implements RestApiAction.Visitor<RestApiOutcome> {

  private final ServerlessApi api;
  private final AwsSession session;
  private final RestApiService service;
  private final AwsNames names;
  private final ApiDefinition definition;
  private final String sourceArn;
  private final RestApiOutcome outcome;

  RestApiSteps(ServerlessApi api, AwsSession session, RestApiService service, AwsNames names, ApiDefinition definition,
      String sourceArn, RestApiOutcome outcome) {
    this.api = api;
    this.session = session;
    this.service = service;
    this.names = names;
    this.definition = definition;
    this.sourceArn = sourceArn;
    this.outcome = outcome;
  }

  @Override
  public RestApiOutcome create(RestApiAction.Create action) {
    Map<String, String> tags = OwnerTags.of(api);
    String id = service.create(names.restApi(), tags);
    session.changed(api, "CreatedRestApi", "created REST API " + names.restApi() + " (" + id + ")");
    // Recorded in status by this reconcile; the owner tag finds it should that write be lost.
    return new RestApiOutcome(new ObservedApi(id, tags, Optional.empty(), Optional.empty(), Optional.empty()), action,
        outcome.region(), outcome.stageName());
  }

  /** Adoption is done before the delta runs, which never names it. */
  @Override
  public RestApiOutcome adopt(RestApiAction.Adopt action) {
    return outcome;
  }

  @Override
  public RestApiOutcome deploy(RestApiAction.Deploy deploy) {
    String id = outcome.observed().id();
    String stageName = outcome.stageName();
    // Importing is only worth it when the deployment can follow: a pass held back between the two imports again.
    RestApiService.Deployed deployment = service.deploy(id, definition,
        () -> session.expect(AwsServices.API_GATEWAY, "CreateDeployment"));
    if (deploy.stageExists()) {
      service.updateStage(id, stageName, List.of(PatchOperation.builder().op("replace").path("/deploymentId")
          .value(deployment.id()).build()));
    } else {
      service.createStage(id, stageName, deployment.id());
    }
    session.changed(api, "DeployedApi", "REST API " + id + ": definition " + definition.hash() + " deployed ("
        + deployment.id() + (deployment.existed() ? ", made earlier" : "") + ") to stage " + stageName);
    return outcome;
  }

  @Override
  public RestApiOutcome updateStage(RestApiAction.UpdateStage update) {
    String id = outcome.observed().id();
    service.updateStage(id, outcome.stageName(), update.patches());
    session.changed(api, "UpdatedStage", "REST API " + id + " stage " + outcome.stageName() + ": "
        + update.patches().stream().map(StageSettings::describe).collect(Collectors.joining(", ")));
    return outcome;
  }

  @Override
  public RestApiOutcome permit(RestApiAction.Permit permit) {
    service.permit(names.function(), names.alias(), sourceArn, permit.replacing());
    session.changed(api, "PermittedApi", "function " + names.function() + ":" + names.alias() + " may be invoked by "
        + sourceArn + (permit.replacing() ? " (replacing the statement for another API)" : ""));
    return outcome;
  }

  @Override
  public RestApiOutcome inSync(RestApiAction.InSync action) {
    return outcome;
  }

  @Override
  public RestApiOutcome blocked(RestApiAction.Blocked action) {
    return outcome;
  }
}
