package dev.tap.operator.restapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tap.operator.workflow.SharedReads;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.EndpointType;
import software.amazon.awssdk.services.apigateway.model.Deployment;
import software.amazon.awssdk.services.apigateway.model.GetStageResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.PutMode;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The API Gateway and Lambda calls of the REST API dependent, and nothing else. */
final class RestApiService {

  /** Written into each deployment's description, so the definition a stage serves is known after a restart. */
  static final String DEFINITION_PREFIX = "tap.dev definition ";
  static final String STATEMENT_ID = "tap-apigateway-invoke";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApiGatewayClient apiGateway;
  private final LambdaClient lambda;
  private final SharedReads shared;
  private final String region;

  RestApiService(ApiGatewayClient apiGateway, LambdaClient lambda, SharedReads shared, String region) {
    this.apiGateway = apiGateway;
    this.lambda = lambda;
    this.shared = shared;
    this.region = region;
  }

  /** GetRestApi by id; empty when there is none. */
  Optional<RestApi> byId(String id) {
    try {
      var found = apiGateway.getRestApi(r -> r.restApiId(id));
      return Optional.of(RestApi.builder().id(found.id()).name(found.name()).tags(found.tags()).build());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** Every REST API of the region, with its tags (GetRestApis, 500 a page). */
  List<RestApi> all() {
    return apiGateway.getRestApisPaginator(r -> r.limit(500)).items().stream().toList();
  }

  /** TagResource on the API's ARN, as adopting it needs. */
  void tag(String region, String apiId, Map<String, String> tags) {
    apiGateway.tagResource(r -> r.resourceArn("arn:aws:apigateway:" + region + "::/restapis/" + apiId).tags(tags));
  }

  /** GetStage and the description of the deployment it serves; empty when there is no stage. */
  Optional<ObservedApi.Stage> stage(String apiId, String stageName) {
    GetStageResponse stage;
    try {
      stage = apiGateway.getStage(r -> r.restApiId(apiId).stageName(stageName));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
    String description = shared.immutable(region + "/" + apiId + "/" + stage.deploymentId(), () ->
        apiGateway.getDeployment(r -> r.restApiId(apiId).deploymentId(stage.deploymentId())).description());
    String hash = description != null && description.startsWith(DEFINITION_PREFIX)
        ? description.substring(DEFINITION_PREFIX.length()) : null;
    var all = stage.methodSettings() == null ? null : stage.methodSettings().get("*/*");
    return Optional.of(new ObservedApi.Stage(stage.deploymentId(), hash,
        StageSettings.of(all, stage.tracingEnabled(), stage.accessLogSettings())));
  }

  /** Whether the account has API Gateway's CloudWatch role: read once per region and resync once found. */
  boolean accountLogsRole() {
    return shared.accountWide(region + "/apigateway-logs-role", () -> {
      String role = apiGateway.getAccount(r -> { }).cloudwatchRoleArn();
      return role != null && !role.isBlank();
    });
  }

  /** The SourceArn of our statement in the alias's resource policy; empty when there is none. */
  Optional<String> permissionSourceArn(String function, String alias) {
    String policy;
    try {
      policy = lambda.getPolicy(r -> r.functionName(function).qualifier(alias)).policy();
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
    try {
      for (JsonNode statement : JSON.readTree(policy).path("Statement")) {
        if (STATEMENT_ID.equals(statement.path("Sid").asText())) {
          return Optional.of(statement.at("/Condition/ArnLike/AWS:SourceArn").asText(""));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Lambda returned a policy that is not JSON", e);
    }
    return Optional.empty();
  }

  String create(String name, Map<String, String> tags) {
    return apiGateway.createRestApi(r -> r.name(name).description("managed by tap-operator")
        .endpointConfiguration(c -> c.types(EndpointType.REGIONAL)).tags(tags)).id();
  }

  /** A deployment of {@code definition}, and whether it was made before this call. */
  record Deployed(String id, boolean existed) {}

  /**
   * The deployment of {@code definition}: one made earlier, found by the hash in its description (a
   * crash may have come between creating it and pointing the stage at it), else the definition is
   * imported and deployed anew. Deployments are snapshots, so an earlier one of the same hash serves
   * exactly this definition. {@code beforeImport} runs before a new one is imported: it may stop the
   * pass there.
   */
  Deployed deploy(String apiId, ApiDefinition definition, Runnable beforeImport) {
    String description = DEFINITION_PREFIX + definition.hash();
    Optional<String> earlier = apiGateway.getDeploymentsPaginator(r -> r.restApiId(apiId).limit(500)).items().stream()
        .filter(d -> description.equals(d.description())).map(Deployment::id).findFirst();
    if (earlier.isPresent()) {
      return new Deployed(earlier.get(), true);
    }
    beforeImport.run();
    apiGateway.putRestApi(r -> r.restApiId(apiId).mode(PutMode.OVERWRITE).failOnWarnings(true)
        .body(SdkBytes.fromUtf8String(definition.json())));
    return new Deployed(apiGateway.createDeployment(r -> r.restApiId(apiId).description(description)).id(), false);
  }

  void createStage(String apiId, String stageName, String deploymentId) {
    apiGateway.createStage(r -> r.restApiId(apiId).stageName(stageName).deploymentId(deploymentId));
  }

  void updateStage(String apiId, String stageName, List<PatchOperation> patches) {
    apiGateway.updateStage(r -> r.restApiId(apiId).stageName(stageName).patchOperations(patches));
  }

  void permit(String function, String alias, String sourceArn, boolean replacing) {
    if (replacing) {
      lambda.removePermission(r -> r.functionName(function).qualifier(alias).statementId(STATEMENT_ID));
    }
    lambda.addPermission(r -> r.functionName(function).qualifier(alias).statementId(STATEMENT_ID)
        .action("lambda:InvokeFunction").principal("apigateway.amazonaws.com").sourceArn(sourceArn));
  }

  void delete(String apiId) {
    apiGateway.deleteRestApi(r -> r.restApiId(apiId));
  }
}
