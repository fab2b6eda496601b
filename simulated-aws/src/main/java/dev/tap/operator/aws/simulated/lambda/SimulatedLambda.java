package dev.tap.operator.aws.simulated.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tap.operator.aws.simulated.AwsErrors;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.aws.simulated.SimulatedClient;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AddPermissionRequest;
import software.amazon.awssdk.services.lambda.model.AddPermissionResponse;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.CreateAliasRequest;
import software.amazon.awssdk.services.lambda.model.CreateAliasResponse;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.DeleteAliasRequest;
import software.amazon.awssdk.services.lambda.model.DeleteAliasResponse;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionRequest;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetAliasRequest;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.GetPolicyRequest;
import software.amazon.awssdk.services.lambda.model.GetPolicyResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ListTagsRequest;
import software.amazon.awssdk.services.lambda.model.ListTagsResponse;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionRequest;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionResponse;
import software.amazon.awssdk.services.lambda.model.PublishVersionRequest;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.RemovePermissionRequest;
import software.amazon.awssdk.services.lambda.model.RemovePermissionResponse;
import software.amazon.awssdk.services.lambda.model.TagResourceRequest;
import software.amazon.awssdk.services.lambda.model.TagResourceResponse;
import software.amazon.awssdk.services.lambda.model.UntagResourceRequest;
import software.amazon.awssdk.services.lambda.model.UntagResourceResponse;
import software.amazon.awssdk.services.lambda.model.UpdateAliasRequest;
import software.amazon.awssdk.services.lambda.model.UpdateAliasResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;

/**
 * The SDK's {@link LambdaClient} over {@link LambdaState}: each operation enters the account, turns
 * the request into the state's terms (optional fields of an update keep what the function has), and
 * builds the response. Operations the operator does not use are not offered.
 */
public final class SimulatedLambda extends SimulatedClient<LambdaState> implements LambdaClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** ListVersionsByFunction MaxItems: "Maximum value of 50". */
  private static final int VERSIONS_PAGE = 50;
  private static final String PUBLISH_INSTEAD = "the operator publishes with PublishVersion";
  private static final DateTimeFormatter LAST_MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
      .withZone(ZoneOffset.UTC);

  public SimulatedLambda(SimulatedAws aws, String region) {
    super(aws, SimulatedAws.LAMBDA, new LambdaState(region, aws));
  }

  @Override
  public CreateFunctionResponse createFunction(CreateFunctionRequest request) {
    enter("CreateFunction");
    if (Boolean.TRUE.equals(request.publish())) {
      throw unsupported("CreateFunction with Publish", PUBLISH_INSTEAD);
    }
    var code = request.code();
    FunctionSettings settings = new FunctionSettings(request.runtimeAsString(), request.handler(), request.role(),
        request.memorySize() == null ? 128 : request.memorySize(), request.timeout() == null ? 3 : request.timeout(),
        request.hasArchitectures() ? single(request.architecturesAsStrings()) : "x86_64",
        request.environment() == null ? Map.of() : request.environment().variables(),
        request.snapStart() == null ? "None" : request.snapStart().applyOnAsString(),
        request.deadLetterConfig() == null ? null : request.deadLetterConfig().targetArn(),
        "Zip", null, null, null, null)
        .withCode(code == null ? null : code.s3Bucket(), code == null ? null : code.s3Key(),
            code == null ? null : code.s3ObjectVersion(), code == null ? null : code.imageUri());
    LambdaState.Function function = state().create(request.functionName(), settings, request.tags());
    return CreateFunctionResponse.builder().applyMutation(b -> copy(latest(function), b)).build();
  }

  @Override
  public GetFunctionResponse getFunction(GetFunctionRequest request) {
    enter("GetFunction");
    LambdaState.Function function = state().function(request.functionName());
    FunctionConfiguration configuration = state().version(request.functionName(), request.qualifier())
        .map(v -> version(function, v)).orElseGet(() -> latest(function));
    String image;
    synchronized (state()) {
      image = function.settings.imageUri();
    }
    return GetFunctionResponse.builder().configuration(configuration).tags(state().tags(function.arn))
        .code(c -> c.repositoryType(image == null ? "S3" : "ECR").imageUri(image).resolvedImageUri(image)).build();
  }

  @Override
  public GetFunctionConfigurationResponse getFunctionConfiguration(GetFunctionConfigurationRequest request) {
    enter("GetFunctionConfiguration");
    LambdaState.Function function = state().function(request.functionName());
    FunctionConfiguration configuration = state().version(request.functionName(), request.qualifier())
        .map(v -> version(function, v)).orElseGet(() -> latest(function));
    return GetFunctionConfigurationResponse.builder().applyMutation(b -> copy(configuration, b)).build();
  }

  @Override
  public UpdateFunctionConfigurationResponse updateFunctionConfiguration(UpdateFunctionConfigurationRequest request) {
    enter("UpdateFunctionConfiguration");
    FunctionSettings now = state().function(request.functionName()).settings;
    FunctionSettings wanted = new FunctionSettings(
        request.runtime() == null ? now.runtime() : request.runtimeAsString(),
        request.handler() == null ? now.handler() : request.handler(),
        request.role() == null ? now.role() : request.role(),
        request.memorySize() == null ? now.memorySize() : request.memorySize(),
        request.timeout() == null ? now.timeout() : request.timeout(), now.architecture(),
        request.environment() == null ? now.environment() : request.environment().variables(),
        request.snapStart() == null ? now.snapStart() : request.snapStart().applyOnAsString(),
        request.deadLetterConfig() == null ? now.deadLetterTarget()
            : emptyToNull(request.deadLetterConfig().targetArn()),
        now.packageType(), now.s3Bucket(), now.s3Key(), now.s3ObjectVersion(), now.imageUri());
    LambdaState.Function function = state().update(request.functionName(), wanted, request.revisionId());
    return UpdateFunctionConfigurationResponse.builder().applyMutation(b -> copy(latest(function), b)).build();
  }

  @Override
  public UpdateFunctionCodeResponse updateFunctionCode(UpdateFunctionCodeRequest request) {
    enter("UpdateFunctionCode");
    if (Boolean.TRUE.equals(request.publish()) || request.zipFile() != null) {
      throw unsupported("UpdateFunctionCode with Publish or ZipFile", PUBLISH_INSTEAD);
    }
    FunctionSettings now = state().function(request.functionName()).settings;
    FunctionSettings code = now.withCode(request.s3Bucket(), request.s3Key(), request.s3ObjectVersion(), request.imageUri());
    FunctionSettings wanted = request.hasArchitectures() ? new FunctionSettings(code.runtime(), code.handler(), code.role(),
        code.memorySize(), code.timeout(), single(request.architecturesAsStrings()), code.environment(), code.snapStart(),
        code.deadLetterTarget(), code.packageType(), code.s3Bucket(), code.s3Key(), code.s3ObjectVersion(),
        code.imageUri()) : code;
    LambdaState.Function function = state().update(request.functionName(), wanted, request.revisionId());
    return UpdateFunctionCodeResponse.builder().applyMutation(b -> copy(latest(function), b)).build();
  }

  @Override
  public PublishVersionResponse publishVersion(PublishVersionRequest request) {
    enter("PublishVersion");
    LambdaState.Version version = state().publish(request.functionName(), request.codeSha256(), request.revisionId(),
        request.description());
    LambdaState.Function function = state().function(request.functionName());
    return PublishVersionResponse.builder().applyMutation(b -> copy(version(function, version), b)).build();
  }

  @Override
  public ListVersionsByFunctionResponse listVersionsByFunction(ListVersionsByFunctionRequest request) {
    enter("ListVersionsByFunction");
    int size = request.maxItems() == null ? VERSIONS_PAGE : request.maxItems();
    if (size < 1 || size > VERSIONS_PAGE) {
      throw AwsErrors.build(InvalidParameterValueException.builder(), serviceName(), "InvalidParameterValueException",
          400, "MaxItems must be between 1 and " + VERSIONS_PAGE);
    }
    LambdaState.Function function = state().function(request.functionName());
    List<FunctionConfiguration> all = new ArrayList<>();
    all.add(latest(function));
    state().versions(request.functionName()).forEach(v -> all.add(version(function, v)));
    int from = request.marker() == null ? 0 : Integer.parseInt(request.marker());
    int to = Math.min(all.size(), from + size);
    return ListVersionsByFunctionResponse.builder().versions(all.subList(Math.min(from, to), to))
        .nextMarker(to < all.size() ? Integer.toString(to) : null).build();
  }

  /**
   * RequestResponse runs the code and answers its response, or its error document with FunctionError
   * {@code Unhandled}; DryRun only checks that the function and qualifier exist. Event is not modelled.
   */
  @Override
  public InvokeResponse invoke(InvokeRequest request) {
    enter("Invoke");
    InvocationType type = request.invocationType() == null ? InvocationType.REQUEST_RESPONSE : request.invocationType();
    if (type == InvocationType.EVENT) {
      throw unsupported("asynchronous invocation (InvocationType Event)", "invoke with RequestResponse");
    }
    if (type != InvocationType.REQUEST_RESPONSE && type != InvocationType.DRY_RUN) {
      throw AwsErrors.build(InvalidParameterValueException.builder(), serviceName(), "InvalidParameterValueException",
          400, "1 validation error detected: Value '" + request.invocationTypeAsString() + "' at 'invocationType'"
              + " failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
    }
    LambdaState.Invocation invocation = state().invocation(request.functionName(), request.qualifier());
    if (type == InvocationType.DRY_RUN) {
      return InvokeResponse.builder().statusCode(204).build();
    }
    // no payload: the function gets an empty JSON object
    String payload = request.payload() == null ? "{}" : request.payload().asUtf8String();
    FunctionInvoker.Outcome outcome = state().run(invocation, payload);
    return InvokeResponse.builder().statusCode(200).executedVersion(invocation.version())
        .payload(SdkBytes.fromUtf8String(outcome.payload())).functionError(outcome.error() ? "Unhandled" : null).build();
  }

  @Override
  public DeleteFunctionResponse deleteFunction(DeleteFunctionRequest request) {
    enter("DeleteFunction");
    state().delete(request.functionName(), request.qualifier());
    return DeleteFunctionResponse.builder().build();
  }

  @Override
  public CreateAliasResponse createAlias(CreateAliasRequest request) {
    enter("CreateAlias");
    LambdaState.Alias alias = state().putAlias(request.functionName(), request.name(), true, request.functionVersion(),
        weights(request.routingConfig()), request.description(), null);
    return CreateAliasResponse.builder().applyMutation(b -> copy(alias(request.functionName(), alias), b)).build();
  }

  @Override
  public UpdateAliasResponse updateAlias(UpdateAliasRequest request) {
    enter("UpdateAlias");
    LambdaState.Alias alias = state().putAlias(request.functionName(), request.name(), false, request.functionVersion(),
        weights(request.routingConfig()), request.description(), request.revisionId());
    return UpdateAliasResponse.builder().applyMutation(b -> copy(alias(request.functionName(), alias), b)).build();
  }

  @Override
  public GetAliasResponse getAlias(GetAliasRequest request) {
    enter("GetAlias");
    LambdaState.Alias alias = state().alias(request.functionName(), request.name());
    return GetAliasResponse.builder().applyMutation(b -> copy(alias(request.functionName(), alias), b)).build();
  }

  @Override
  public DeleteAliasResponse deleteAlias(DeleteAliasRequest request) {
    enter("DeleteAlias");
    state().deleteAlias(request.functionName(), request.name());
    return DeleteAliasResponse.builder().build();
  }

  @Override
  public AddPermissionResponse addPermission(AddPermissionRequest request) {
    enter("AddPermission");
    LambdaState.Function function = state().function(request.functionName());
    ObjectNode statement = JSON.createObjectNode().put("Sid", request.statementId()).put("Effect", "Allow");
    statement.putObject("Principal").put("Service", request.principal());
    statement.put("Action", request.action())
        .put("Resource", function.arn + (request.qualifier() == null ? "" : ":" + request.qualifier()));
    if (request.sourceArn() != null) {
      statement.putObject("Condition").putObject("ArnLike").put("AWS:SourceArn", request.sourceArn());
    }
    state().addPermission(request.functionName(), request.qualifier(), request.statementId(), statement.toString());
    return AddPermissionResponse.builder().statement(statement.toString()).build();
  }

  @Override
  public RemovePermissionResponse removePermission(RemovePermissionRequest request) {
    enter("RemovePermission");
    state().removePermission(request.functionName(), request.qualifier(), request.statementId());
    return RemovePermissionResponse.builder().build();
  }

  @Override
  public GetPolicyResponse getPolicy(GetPolicyRequest request) {
    enter("GetPolicy");
    Map<String, String> statements = state().policy(request.functionName(), request.qualifier());
    ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17").put("Id", "default");
    var array = policy.putArray("Statement");
    statements.values().forEach(s -> {
      try {
        array.add(JSON.readTree(s));
      } catch (java.io.IOException e) {
        throw new IllegalStateException("a stored statement is not JSON", e);
      }
    });
    return GetPolicyResponse.builder().policy(policy.toString()).revisionId(state().function(request.functionName()).revisionId)
        .build();
  }

  @Override
  public TagResourceResponse tagResource(TagResourceRequest request) {
    enter("TagResource");
    state().tag(request.resource(), request.tags());
    return TagResourceResponse.builder().build();
  }

  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest request) {
    enter("UntagResource");
    state().untag(request.resource(), request.tagKeys());
    return UntagResourceResponse.builder().build();
  }

  @Override
  public ListTagsResponse listTags(ListTagsRequest request) {
    enter("ListTags");
    return ListTagsResponse.builder().tags(state().tags(request.resource())).build();
  }

  // ---- responses -------------------------------------------------------------------------------

  private FunctionConfiguration latest(LambdaState.Function function) {
    synchronized (state()) {
      return configuration(function, LambdaState.LATEST, function.settings, function.codeSha256, function.state)
          .lastUpdateStatus(function.lastUpdateStatus == null ? "Successful" : function.lastUpdateStatus)
          .lastUpdateStatusReason(function.lastUpdateStatusReason).revisionId(function.revisionId)
          .lastModified(LAST_MODIFIED.format(function.lastModified)).build();
    }
  }

  private FunctionConfiguration version(LambdaState.Function function, LambdaState.Version version) {
    synchronized (state()) {
      return configuration(function, version.number, version.settings, version.codeSha256, version.state)
          .lastUpdateStatus("Successful").description(version.description)
          .lastModified(LAST_MODIFIED.format(version.published)).build();
    }
  }

  private static FunctionConfiguration.Builder configuration(LambdaState.Function function, String version,
      FunctionSettings settings, String codeSha256, String state) {
    boolean snapStart = "PublishedVersions".equals(settings.snapStart());
    return FunctionConfiguration.builder().functionName(function.name)
        .functionArn(LambdaState.LATEST.equals(version) ? function.arn : function.arn + ":" + version)
        .version(version).runtime(settings.runtime()).handler(settings.handler()).role(settings.role())
        .memorySize(settings.memorySize()).timeout(settings.timeout()).architecturesWithStrings(settings.architecture()).environment(e -> e.variables(settings.environment()))
        .snapStart(s -> s.applyOn(settings.snapStart())
            .optimizationStatus(snapStart && !LambdaState.LATEST.equals(version) ? "On" : "Off"))
        .deadLetterConfig(settings.deadLetterTarget() == null ? null
            : software.amazon.awssdk.services.lambda.model.DeadLetterConfig.builder().targetArn(settings.deadLetterTarget()).build())
        .packageType(settings.packageType()).codeSha256(codeSha256).codeSize(0L).state(state);
  }

  private AliasConfiguration alias(String function, LambdaState.Alias alias) {
    synchronized (state()) {
      return AliasConfiguration.builder().name(alias.name).functionVersion(alias.functionVersion)
          .aliasArn(state().function(function).arn + ":" + alias.name).description(alias.description)
          .revisionId(alias.revisionId)
          .routingConfig(alias.weights.isEmpty() ? null
              : AliasRoutingConfiguration.builder().additionalVersionWeights(alias.weights).build())
          .build();
    }
  }

  /** Copies a configuration into a response builder whose fields are the same (the SDK has no common type). */
  private static <B> void copy(Object source, B builder) {
    var target = (software.amazon.awssdk.utils.builder.SdkBuilder<?, ?>) builder;
    var fields = ((software.amazon.awssdk.core.SdkPojo) target).sdkFields();
    var from = ((software.amazon.awssdk.core.SdkPojo) source).sdkFields();
    for (var field : fields) {
      from.stream().filter(f -> f.memberName().equals(field.memberName())).findFirst()
          .ifPresent(f -> field.set(target, f.getValueOrDefault(source)));
    }
  }

  private static Map<String, Double> weights(AliasRoutingConfiguration routing) {
    return routing == null ? null : routing.additionalVersionWeights();
  }

  private static String single(List<String> architectures) {
    return architectures.size() == 1 ? architectures.get(0) : "invalid: " + architectures;
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private InvalidParameterValueException unsupported(String what, String instead) {
    return AwsErrors.build(InvalidParameterValueException.builder(), serviceName(), "InvalidParameterValueException", 400,
        "this simulation does not model " + what + "; " + instead);
  }
}
