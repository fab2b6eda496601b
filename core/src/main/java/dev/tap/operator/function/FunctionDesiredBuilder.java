package dev.tap.operator.function;

import dev.tap.operator.api.v1alpha1.CodeSpec;
import dev.tap.operator.api.v1alpha1.DeploymentStrategy;
import dev.tap.operator.api.v1alpha1.FunctionSpec;
import dev.tap.operator.api.v1alpha1.IndexSpec;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.naming.AwsNames;
import dev.tap.operator.naming.OwnerTags;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Spec to the function it asks for, with the handler's settings the operator adds. Pure. */
public final class FunctionDesiredBuilder {

  static final String DEFAULT_RUNTIME = "java21";
  static final String DEFAULT_HANDLER = "dev.tap.handler.ItemsHandler::handleRequest";
  static final int DEFAULT_MEMORY = 512;
  static final int DEFAULT_TIMEOUT = 10;
  /** Old versions kept besides the routed ones, except in prod, which keeps every version. */
  static final int DEFAULT_KEEP_VERSIONS = 5;

  private FunctionDesiredBuilder() {}

  public static String name(ServerlessApi api) {
    return AwsNames.of(api).function();
  }

  /** {@code pageTokenKey}: the resolved PAGE_TOKEN_KEY, which only the function's environment ever holds. */
  public static DesiredFunction build(ServerlessApi api, String pageTokenKey) {
    FunctionSpec spec = api.getSpec().getFunction();
    AwsNames names = AwsNames.of(api);
    CodeSpec codeSpec = spec.getCode();
    CodeRef code = new CodeRef(codeSpec.getS3Bucket(), codeSpec.getS3Key(), codeSpec.getS3ObjectVersion(),
        codeSpec.getImageUri());
    boolean image = code.imageUri() != null;
    Map<String, String> environment = new LinkedHashMap<>();
    if (spec.getEnvironment() != null && spec.getEnvironment().getVariables() != null) {
      environment.putAll(spec.getEnvironment().getVariables());
    }
    environment.put("TABLE_NAME", names.table());
    List<IndexSpec> indexes = api.getSpec().getTable().getGlobalSecondaryIndexes();
    if (indexes != null && !indexes.isEmpty()) {
      environment.put("INDEX_NAME", indexes.get(0).getIndexName());
    }
    environment.put(PageTokenKey.VARIABLE, pageTokenKey);
    FunctionConfig config = new FunctionConfig(image ? null : orDefault(spec.getRuntime(), DEFAULT_RUNTIME),
        image ? null : orDefault(spec.getHandler(), DEFAULT_HANDLER), spec.getRole(),
        spec.getMemorySize() == null ? DEFAULT_MEMORY : spec.getMemorySize(),
        spec.getTimeout() == null ? DEFAULT_TIMEOUT : spec.getTimeout(),
        spec.getArchitecture() == null ? "x86_64" : spec.getArchitecture().name(), environment,
        spec.getSnapStart() == null ? "None" : spec.getSnapStart().name());
    String owner = OwnerTags.owner(api);
    Map<String, String> tags = OwnerTags.of(api);
    Integer keep = spec.getKeepVersions() != null ? spec.getKeepVersions()
        : "prod".equals(api.getSpec().getEnvironment()) ? null : DEFAULT_KEEP_VERSIONS;
    DeploymentStrategy strategy = spec.getDeployment() == null || spec.getDeployment().getStrategy() == null
        ? DeploymentStrategy.AllAtOnce : spec.getDeployment().getStrategy();
    return new DesiredFunction(names.function(), config, code, tags, owner, names.alias(), spec.getVersion(), keep,
        strategy);
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
