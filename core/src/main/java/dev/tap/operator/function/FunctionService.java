package dev.tap.operator.function;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The Lambda calls for one function, its versions and its alias, and nothing else. */
final class FunctionService {

  private final LambdaClient lambda;

  FunctionService(LambdaClient lambda) {
    this.lambda = lambda;
  }

  /** GetFunction, ListVersionsByFunction (a page per 50 versions) and GetAlias; empty when there is no function. */
  Optional<ObservedFunction> observe(String name, String aliasName) {
    GetFunctionResponse function;
    try {
      function = lambda.getFunction(r -> r.functionName(name));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
    List<ObservedFunction.Version> versions = new ArrayList<>();
    for (FunctionConfiguration version : lambda.listVersionsByFunctionPaginator(r -> r.functionName(name)).versions()) {
      if (!"$LATEST".equals(version.version())) {
        versions.add(new ObservedFunction.Version(version.version(), config(version), version.codeSha256(),
            version.stateAsString()));
      }
    }
    Optional<ObservedFunction.Alias> alias;
    try {
      GetAliasResponse found = lambda.getAlias(r -> r.functionName(name).name(aliasName));
      alias = Optional.of(new ObservedFunction.Alias(found.functionVersion(), found.routingConfig() == null ? Map.of()
          : found.routingConfig().additionalVersionWeights(), found.description()));
    } catch (ResourceNotFoundException e) {
      alias = Optional.empty();
    }
    FunctionConfiguration latest = function.configuration();
    return Optional.of(new ObservedFunction(name, latest.functionArn(), config(latest), latest.codeSha256(),
        function.code() == null ? null : function.code().imageUri(), latest.stateAsString(),
        latest.lastUpdateStatusAsString(), latest.lastUpdateStatusReason(), function.tags(), List.copyOf(versions), alias));
  }

  /** CreateFunction, then the code tag from the CodeSha256 Lambda computed. Returns the function's ARN. */
  String create(DesiredFunction desired) {
    FunctionConfig config = desired.config();
    CodeRef code = desired.code();
    CreateFunctionRequest.Builder request = CreateFunctionRequest.builder().functionName(desired.name())
        .role(config.role()).memorySize(config.memorySize()).timeout(config.timeout())
        .architectures(Architecture.fromValue(config.architecture())).environment(e -> e.variables(config.environment()))
        .snapStart(s -> s.applyOn(config.snapStart())).tags(desired.tags());
    if (code.imageUri() != null) {
      request.packageType("Image").code(c -> c.imageUri(code.imageUri()));
    } else {
      request.packageType("Zip").runtime(config.runtime()).handler(config.handler())
          .code(c -> c.s3Bucket(code.s3Bucket()).s3Key(code.s3Key()).s3ObjectVersion(code.s3ObjectVersion()));
    }
    var created = lambda.createFunction(request.build());
    tagCode(created.functionArn(), code, created.codeSha256());
    return created.functionArn();
  }

  void updateConfiguration(String name, FunctionConfig config, boolean image) {
    lambda.updateFunctionConfiguration(r -> {
      r.functionName(name).role(config.role()).memorySize(config.memorySize()).timeout(config.timeout())
          .environment(e -> e.variables(config.environment())).snapStart(s -> s.applyOn(config.snapStart()));
      if (!image) {
        r.runtime(config.runtime()).handler(config.handler());
      }
    });
  }

  /** UpdateFunctionCode (with the architecture), then the code tag from the CodeSha256 Lambda reported. */
  void updateCode(String name, String arn, CodeRef code, String architecture) {
    var updated = lambda.updateFunctionCode(r -> {
      r.functionName(name).architectures(Architecture.fromValue(architecture));
      if (code.imageUri() != null) {
        r.imageUri(code.imageUri());
      } else {
        r.s3Bucket(code.s3Bucket()).s3Key(code.s3Key()).s3ObjectVersion(code.s3ObjectVersion());
      }
    });
    tagCode(arn, code, updated.codeSha256());
  }

  void tag(String arn, Map<String, String> tags) {
    lambda.tagResource(r -> r.resource(arn).tags(tags));
  }

  /** PublishVersion guarded by the CodeSha256 observed, so a version holds exactly what was compared. */
  String publish(String name, String codeSha256) {
    return lambda.publishVersion(r -> r.functionName(name).codeSha256(codeSha256)).version();
  }

  void createAlias(String name, String alias, String version) {
    lambda.createAlias(r -> r.functionName(name).name(alias).functionVersion(version));
  }

  /** Points the alias at one version, with no additional routing. */
  void moveAlias(String name, String alias, String version) {
    lambda.updateAlias(r -> r.functionName(name).name(alias).functionVersion(version)
        .routingConfig(c -> c.additionalVersionWeights(Map.of())));
  }

  void deleteVersion(String name, String version) {
    lambda.deleteFunction(r -> r.functionName(name).qualifier(version));
  }

  void delete(String name) {
    lambda.deleteFunction(r -> r.functionName(name));
  }

  private void tagCode(String arn, CodeRef code, String codeSha256) {
    lambda.tagResource(r -> r.resource(arn).tags(Map.of(CodeRef.TAG, code.tagValue(codeSha256))));
  }

  private static FunctionConfig config(FunctionConfiguration c) {
    return new FunctionConfig(c.runtimeAsString(), c.handler(), c.role(), c.memorySize() == null ? 0 : c.memorySize(),
        c.timeout() == null ? 0 : c.timeout(), c.architecturesAsStrings().isEmpty() ? "x86_64" : c.architecturesAsStrings().get(0),
        c.environment() == null ? Map.of() : c.environment().variables(),
        c.snapStart() == null ? "None" : c.snapStart().applyOnAsString());
  }
}
