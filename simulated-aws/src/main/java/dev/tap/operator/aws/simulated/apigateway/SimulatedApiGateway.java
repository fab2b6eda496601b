package dev.tap.operator.aws.simulated.apigateway;

import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.aws.simulated.SimulatedClient;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.AccessLogSettings;
import software.amazon.awssdk.services.apigateway.model.CreateDeploymentRequest;
import software.amazon.awssdk.services.apigateway.model.CreateDeploymentResponse;
import software.amazon.awssdk.services.apigateway.model.CreateRestApiRequest;
import software.amazon.awssdk.services.apigateway.model.CreateRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.CreateStageRequest;
import software.amazon.awssdk.services.apigateway.model.CreateStageResponse;
import software.amazon.awssdk.services.apigateway.model.DeleteRestApiRequest;
import software.amazon.awssdk.services.apigateway.model.DeleteRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.Deployment;
import software.amazon.awssdk.services.apigateway.model.EndpointConfiguration;
import software.amazon.awssdk.services.apigateway.model.GetAccountRequest;
import software.amazon.awssdk.services.apigateway.model.GetAccountResponse;
import software.amazon.awssdk.services.apigateway.model.GetDeploymentRequest;
import software.amazon.awssdk.services.apigateway.model.GetDeploymentResponse;
import software.amazon.awssdk.services.apigateway.model.GetDeploymentsRequest;
import software.amazon.awssdk.services.apigateway.model.GetDeploymentsResponse;
import software.amazon.awssdk.services.apigateway.model.GetRestApiRequest;
import software.amazon.awssdk.services.apigateway.model.GetRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.GetRestApisRequest;
import software.amazon.awssdk.services.apigateway.model.GetRestApisResponse;
import software.amazon.awssdk.services.apigateway.model.GetStageRequest;
import software.amazon.awssdk.services.apigateway.model.GetStageResponse;
import software.amazon.awssdk.services.apigateway.model.GetTagsRequest;
import software.amazon.awssdk.services.apigateway.model.GetTagsResponse;
import software.amazon.awssdk.services.apigateway.model.MethodSetting;
import software.amazon.awssdk.services.apigateway.model.PutRestApiRequest;
import software.amazon.awssdk.services.apigateway.model.PutRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.apigateway.model.TagResourceRequest;
import software.amazon.awssdk.services.apigateway.model.TagResourceResponse;
import software.amazon.awssdk.services.apigateway.model.UpdateStageRequest;
import software.amazon.awssdk.services.apigateway.model.UpdateStageResponse;

/** The SDK's {@link ApiGatewayClient} over {@link ApiGatewayState}; lists page as the API pages (limit 1 to 500, default 25). */
public final class SimulatedApiGateway extends SimulatedClient<ApiGatewayState> implements ApiGatewayClient {

  private static final int DEFAULT_LIMIT = 25;
  private static final int MAX_LIMIT = 500;

  public SimulatedApiGateway(SimulatedAws aws, String region) {
    super(aws, SimulatedAws.API_GATEWAY, new ApiGatewayState(region, aws));
  }

  @Override
  public CreateRestApiResponse createRestApi(CreateRestApiRequest request) {
    enter("CreateRestApi");
    ApiGatewayState.RestApi api = state().create(request.name(), request.description(),
        request.endpointConfiguration() == null ? null : request.endpointConfiguration().typesAsStrings(), request.tags());
    RestApi model = restApi(api);
    return CreateRestApiResponse.builder().id(model.id()).name(model.name()).description(model.description())
        .createdDate(model.createdDate()).endpointConfiguration(model.endpointConfiguration()).tags(model.tags()).build();
  }

  @Override
  public GetRestApisResponse getRestApis(GetRestApisRequest request) {
    enter("GetRestApis");
    int limit = limit(request.limit());
    List<ApiGatewayState.RestApi> all = state().list();
    int from = request.position() == null ? 0 : Integer.parseInt(request.position());
    int to = Math.min(all.size(), from + limit);
    return GetRestApisResponse.builder().items(all.subList(Math.min(from, to), to).stream().map(this::restApi).toList())
        .position(to < all.size() ? Integer.toString(to) : null).build();
  }

  @Override
  public GetRestApiResponse getRestApi(GetRestApiRequest request) {
    enter("GetRestApi");
    RestApi model = restApi(state().get(request.restApiId()));
    return GetRestApiResponse.builder().id(model.id()).name(model.name()).description(model.description())
        .createdDate(model.createdDate()).endpointConfiguration(model.endpointConfiguration()).tags(model.tags()).build();
  }

  @Override
  public PutRestApiResponse putRestApi(PutRestApiRequest request) {
    enter("PutRestApi");
    RestApi model = restApi(state().put(request.restApiId(), request.modeAsString(),
        request.body() == null ? new byte[0] : request.body().asByteArray()));
    return PutRestApiResponse.builder().id(model.id()).name(model.name()).tags(model.tags()).build();
  }

  @Override
  public DeleteRestApiResponse deleteRestApi(DeleteRestApiRequest request) {
    enter("DeleteRestApi");
    state().delete(request.restApiId());
    return DeleteRestApiResponse.builder().build();
  }

  @Override
  public CreateDeploymentResponse createDeployment(CreateDeploymentRequest request) {
    enter("CreateDeployment");
    ApiGatewayState.Deployment deployment = state().deploy(request.restApiId(), request.description(), request.stageName());
    return CreateDeploymentResponse.builder().id(deployment.id()).description(deployment.description())
        .createdDate(deployment.createdDate()).build();
  }

  @Override
  public GetDeploymentsResponse getDeployments(GetDeploymentsRequest request) {
    enter("GetDeployments");
    int limit = limit(request.limit());
    List<ApiGatewayState.Deployment> all = state().deployments(request.restApiId());
    int from = request.position() == null ? 0 : Integer.parseInt(request.position());
    int to = Math.min(all.size(), from + limit);
    return GetDeploymentsResponse.builder().items(all.subList(Math.min(from, to), to).stream()
        .map(d -> Deployment.builder().id(d.id()).description(d.description()).createdDate(d.createdDate()).build())
        .toList()).position(to < all.size() ? Integer.toString(to) : null).build();
  }

  @Override
  public GetDeploymentResponse getDeployment(GetDeploymentRequest request) {
    enter("GetDeployment");
    ApiGatewayState.Deployment deployment = state().deployment(request.restApiId(), request.deploymentId());
    return GetDeploymentResponse.builder().id(deployment.id()).description(deployment.description())
        .createdDate(deployment.createdDate()).build();
  }

  @Override
  public CreateStageResponse createStage(CreateStageRequest request) {
    enter("CreateStage");
    ApiGatewayState.Stage stage = state().createStage(request.restApiId(), request.stageName(), request.deploymentId(),
        Boolean.TRUE.equals(request.tracingEnabled()));
    return CreateStageResponse.builder().stageName(stage.name).deploymentId(stage.deploymentId)
        .tracingEnabled(stage.tracingEnabled).methodSettings(methodSettings(stage)).build();
  }

  @Override
  public GetStageResponse getStage(GetStageRequest request) {
    enter("GetStage");
    ApiGatewayState.Stage stage = state().stage(request.restApiId(), request.stageName());
    return GetStageResponse.builder().stageName(stage.name).deploymentId(stage.deploymentId)
        .tracingEnabled(stage.tracingEnabled).methodSettings(methodSettings(stage))
        .accessLogSettings(stage.accessLogDestination == null ? null : AccessLogSettings.builder()
            .destinationArn(stage.accessLogDestination).format(stage.accessLogFormat).build())
        .createdDate(stage.createdDate).build();
  }

  @Override
  public UpdateStageResponse updateStage(UpdateStageRequest request) {
    enter("UpdateStage");
    ApiGatewayState.Stage stage = state().updateStage(request.restApiId(), request.stageName(),
        request.patchOperations().stream().map(p -> new ApiGatewayState.Patch(p.opAsString(), p.path(), p.value()))
            .toList());
    return UpdateStageResponse.builder().stageName(stage.name).deploymentId(stage.deploymentId)
        .tracingEnabled(stage.tracingEnabled).methodSettings(methodSettings(stage)).build();
  }

  @Override
  public GetAccountResponse getAccount(GetAccountRequest request) {
    enter("GetAccount");
    return GetAccountResponse.builder().cloudwatchRoleArn(state().cloudWatchRoleArn()).build();
  }

  @Override
  public GetTagsResponse getTags(GetTagsRequest request) {
    enter("GetTags");
    return GetTagsResponse.builder().tags(state().tags(request.resourceArn())).build();
  }

  @Override
  public TagResourceResponse tagResource(TagResourceRequest request) {
    enter("TagResource");
    state().tag(request.resourceArn(), request.tags());
    return TagResourceResponse.builder().build();
  }

  private static int limit(Integer requested) {
    int limit = requested == null ? DEFAULT_LIMIT : requested;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiGatewayState.badRequest("limit must be between 1 and " + MAX_LIMIT);
    }
    return limit;
  }

  private RestApi restApi(ApiGatewayState.RestApi api) {
    return RestApi.builder().id(api.id).name(api.name).description(api.description).createdDate(api.createdDate)
        .endpointConfiguration(EndpointConfiguration.builder().typesWithStrings(api.endpointType).build())
        .tags(Map.copyOf(api.tags)).build();
  }

  private static Map<String, MethodSetting> methodSettings(ApiGatewayState.Stage stage) {
    return stage.methodSettings.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> MethodSetting.builder()
        .throttlingRateLimit(e.getValue().rateLimit).throttlingBurstLimit(e.getValue().burstLimit)
        .loggingLevel(e.getValue().loggingLevel).dataTraceEnabled(e.getValue().dataTrace)
        .metricsEnabled(e.getValue().metrics).build()));
  }
}
