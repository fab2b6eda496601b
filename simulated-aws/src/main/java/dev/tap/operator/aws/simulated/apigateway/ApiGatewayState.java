package dev.tap.operator.aws.simulated.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tap.operator.aws.simulated.AwsErrors;
import dev.tap.operator.aws.simulated.SimulatedAws;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;

/**
 * API Gateway REST APIs of one region, by the API reference: CreateRestApi (generated ids, names
 * may repeat), PutRestApi with an OpenAPI body (overwrite or merge), deployments (refused while a
 * method has no integration), stages and their UpdateStage patch operations (logging refused while
 * the account has no CloudWatch role), GetAccount, tags. One method per operation, each stating
 * the rules it models.
 */
public final class ApiGatewayState {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
      "x-amazon-apigateway-any-method");
  private static final Pattern STAGE_NAME = Pattern.compile("[A-Za-z0-9_]{1,128}");
  private static final Pattern LAMBDA_URI =
      Pattern.compile("arn:aws:apigateway:[a-z0-9-]+:lambda:path/2015-03-31/functions/arn:aws:lambda:.+/invocations");
  private static final Pattern METHOD_SETTING =
      Pattern.compile("/(.+)/([A-Z*]+)/(throttling/rateLimit|throttling/burstLimit|logging/loglevel|logging/dataTrace|metrics/enabled)");

  private final String region;
  private final SimulatedAws aws;
  private final AtomicLong ids = new AtomicLong(0x1a2b3c4d5eL);
  private final AtomicLong deploymentIds = new AtomicLong(0xa1b2c3L);
  private final Map<String, RestApi> apis = new LinkedHashMap<>();
  /** The account's API Gateway CloudWatch role: set, as in an account that has logged before; tests remove it. */
  private volatile String cloudWatchRoleArn = "arn:aws:iam::" + SimulatedAws.ACCOUNT_ID + ":role/apigateway-cloudwatch-logs";

  public ApiGatewayState(String region, SimulatedAws aws) {
    this.region = region;
    this.aws = aws;
  }

  /** A REST API: its definition as methods by path, its deployments and stages. */
  static final class RestApi {
    final String id;
    final String name;
    final String description;
    final Instant createdDate;
    final String endpointType;
    final Map<String, String> tags = new TreeMap<>();
    /** Path to method (upper case) to its integration (null: none). */
    Map<String, Map<String, Integration>> methods = new TreeMap<>();
    final Map<String, Deployment> deployments = new LinkedHashMap<>();
    final Map<String, Stage> stages = new TreeMap<>();

    RestApi(String id, String name, String description, Instant createdDate, String endpointType) {
      this.id = id;
      this.name = name;
      this.description = description;
      this.createdDate = createdDate;
      this.endpointType = endpointType;
    }
  }

  record Integration(String type, String httpMethod, String uri) {}

  /** A deployment: what a stage serves, the methods as they were when it was made. */
  record Deployment(String id, String description, Instant createdDate, Map<String, Map<String, Integration>> methods) {}

  /**
   * What a stage serves, as API Gateway's data plane sees it: the routes of its deployment (path, then
   * method in upper case, to the integration's URI) and the throttling of its {@code *}{@code /*} method setting.
   */
  public record ServedStage(String restApiId, String apiName, String stage, Map<String, Map<String, String>> routes,
      double rateLimit, int burstLimit) {}

  /** A stage's settings; method settings by key such as {@code "*}{@code /*"}. */
  static final class Stage {
    final String name;
    String deploymentId;
    boolean tracingEnabled;
    String accessLogDestination;
    String accessLogFormat;
    final Map<String, MethodSetting> methodSettings = new TreeMap<>();
    final Instant createdDate;

    Stage(String name, String deploymentId, Instant createdDate) {
      this.name = name;
      this.deploymentId = deploymentId;
      this.createdDate = createdDate;
    }
  }

  static final class MethodSetting {
    Double rateLimit = 10000.0;
    Integer burstLimit = 5000;
    String loggingLevel = "OFF";
    boolean dataTrace;
    boolean metrics;
  }

  // ---- CreateRestApi: a new id every time; names may repeat. ---------------------------------------

  synchronized RestApi create(String name, String description, List<String> endpointTypes, Map<String, String> tags) {
    if (name == null || name.isBlank()) {
      throw badRequest("Invalid REST API name specified");
    }
    if (endpointTypes != null && endpointTypes.size() > 1) {
      throw badRequest("Only one endpoint type is supported");
    }
    checkTags(tags);
    String id = String.format("%010x", ids.getAndIncrement());
    RestApi api = new RestApi(id, name, description, aws.clock().instant(),
        endpointTypes == null || endpointTypes.isEmpty() ? "EDGE" : endpointTypes.get(0));
    if (tags != null) {
      api.tags.putAll(tags);
    }
    apis.put(id, api);
    return api;
  }

  synchronized List<RestApi> list() {
    return List.copyOf(apis.values());
  }

  synchronized RestApi get(String id) {
    RestApi api = apis.get(id);
    if (api == null) {
      throw notFound("Invalid API identifier specified " + SimulatedAws.ACCOUNT_ID + ":" + id);
    }
    return api;
  }

  synchronized void delete(String id) {
    get(id);
    apis.remove(id);
  }

  // ---- PutRestApi: an OpenAPI document replaces (overwrite) or adds to (merge) the methods. --------

  synchronized RestApi put(String id, String mode, byte[] body) {
    RestApi api = get(id);
    JsonNode document;
    try {
      document = JSON.readTree(body);
    } catch (IOException e) {
      throw badRequest("Invalid OpenAPI input: the body is not JSON");
    }
    if (document == null || !(document.has("openapi") || "2.0".equals(document.path("swagger").asText()))) {
      throw badRequest("Invalid OpenAPI input: neither an 'openapi' version nor 'swagger: 2.0'");
    }
    Map<String, Map<String, Integration>> methods = new TreeMap<>();
    var paths = document.path("paths").fields();
    while (paths.hasNext()) {
      var path = paths.next();
      if (!path.getKey().startsWith("/")) {
        throw badRequest("Invalid OpenAPI input: path " + path.getKey() + " must start with '/'");
      }
      var operations = path.getValue().fields();
      while (operations.hasNext()) {
        var operation = operations.next();
        if (!METHODS.contains(operation.getKey())) {
          continue;
        }
        JsonNode responses = operation.getValue().path("responses");
        // OpenAPI 3: an operation's responses must hold at least one response.
        if (document.path("openapi").asText("").startsWith("3") && (!responses.isObject() || responses.isEmpty())) {
          throw badRequest("Failed to parse the uploaded OpenAPI document due to: " + operation.getKey().toUpperCase()
              + " " + path.getKey() + ": responses should be non-empty");
        }
        methods.computeIfAbsent(path.getKey(), p -> new TreeMap<>()).put(operation.getKey().toUpperCase(),
            integration(path.getKey(), operation.getKey(), operation.getValue().get("x-amazon-apigateway-integration")));
      }
    }
    if ("overwrite".equalsIgnoreCase(mode)) {
      api.methods = methods;
    } else {
      methods.forEach((path, byMethod) -> api.methods.computeIfAbsent(path, p -> new TreeMap<>()).putAll(byMethod));
    }
    return api;
  }

  private Integration integration(String path, String method, JsonNode node) {
    if (node == null) {
      return null;
    }
    String type = node.path("type").asText("").toUpperCase();
    String httpMethod = node.path("httpMethod").asText(null);
    String uri = node.path("uri").asText(null);
    if (type.equals("AWS_PROXY")) {
      if (uri == null || !LAMBDA_URI.matcher(uri).matches()) {
        throw badRequest("Invalid OpenAPI input: " + method.toUpperCase() + " " + path
            + ": AWS ARN for integration must contain path or action");
      }
      if (!"POST".equalsIgnoreCase(httpMethod)) {
        throw badRequest("Invalid OpenAPI input: " + method.toUpperCase() + " " + path
            + ": Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations"
            + " with the POST integration method");
      }
    } else if (!type.equals("MOCK") && !type.equals("HTTP") && !type.equals("HTTP_PROXY") && !type.equals("AWS")) {
      throw badRequest("Invalid OpenAPI input: " + method.toUpperCase() + " " + path + ": unknown integration type '"
          + type + "'");
    }
    return new Integration(type, httpMethod, uri);
  }

  // ---- CreateDeployment: a snapshot of the methods, refused while one has no integration. ----------

  synchronized Deployment deploy(String apiId, String description, String stageName) {
    RestApi api = get(apiId);
    if (api.methods.isEmpty()) {
      throw badRequest("The REST API doesn't contain any methods");
    }
    api.methods.forEach((path, byMethod) -> byMethod.forEach((method, integration) -> {
      if (integration == null) {
        throw badRequest("No integration defined for method");
      }
    }));
    String id = String.format("%06x", deploymentIds.getAndIncrement());
    Map<String, Map<String, Integration>> snapshot = new TreeMap<>();
    api.methods.forEach((path, byMethod) -> snapshot.put(path, Map.copyOf(byMethod)));
    Deployment deployment = new Deployment(id, description, aws.clock().instant(), Map.copyOf(snapshot));
    api.deployments.put(id, deployment);
    if (stageName != null) {
      checkStageName(stageName);
      api.stages.computeIfAbsent(stageName, n -> new Stage(n, id, aws.clock().instant())).deploymentId = id;
    }
    return deployment;
  }

  synchronized List<Deployment> deployments(String apiId) {
    return List.copyOf(get(apiId).deployments.values());
  }

  synchronized Deployment deployment(String apiId, String deploymentId) {
    Deployment deployment = get(apiId).deployments.get(deploymentId);
    if (deployment == null) {
      throw notFound("Invalid Deployment identifier specified");
    }
    return deployment;
  }

  // ---- CreateStage, GetStage, UpdateStage -----------------------------------------------------------

  synchronized Stage createStage(String apiId, String stageName, String deploymentId, boolean tracingEnabled) {
    RestApi api = get(apiId);
    checkStageName(stageName);
    if (!api.deployments.containsKey(deploymentId)) {
      throw badRequest("Invalid deployment identifier specified");
    }
    if (api.stages.containsKey(stageName)) {
      throw AwsErrors.build(ConflictException.builder(), SimulatedAws.API_GATEWAY, "ConflictException", 409,
          "Stage already exists");
    }
    Stage stage = new Stage(stageName, deploymentId, aws.clock().instant());
    stage.tracingEnabled = tracingEnabled;
    api.stages.put(stageName, stage);
    return stage;
  }

  synchronized Stage stage(String apiId, String stageName) {
    Stage stage = get(apiId).stages.get(stageName);
    if (stage == null) {
      throw notFound("Invalid stage identifier specified");
    }
    return stage;
  }

  /** One patch operation; all of a request's operations are checked before any is applied. */
  record Patch(String op, String path, String value) {}

  synchronized Stage updateStage(String apiId, String stageName, List<Patch> patches) {
    RestApi api = get(apiId);
    Stage stage = stage(apiId, stageName);
    for (Patch patch : patches) {
      check(api, patch);
    }
    for (Patch patch : patches) {
      apply(stage, patch);
    }
    return stage;
  }

  private void check(RestApi api, Patch patch) {
    if (!"replace".equals(patch.op()) && !("remove".equals(patch.op()) && "/accessLogSettings".equals(patch.path()))) {
      throw badRequest("Invalid patch operation specified. Must be one of: [replace] for " + patch.path());
    }
    if ("remove".equals(patch.op())) {
      return;
    }
    switch (patch.path()) {
      case "/deploymentId" -> {
        if (!api.deployments.containsKey(patch.value())) {
          throw badRequest("Invalid deployment identifier specified");
        }
      }
      case "/tracingEnabled" -> checkBoolean(patch);
      case "/accessLogSettings/destinationArn", "/accessLogSettings/format" -> {
        if (patch.value() == null || patch.value().isBlank()) {
          throw badRequest("Invalid patch value for " + patch.path());
        }
      }
      default -> checkMethodSetting(patch);
    }
  }

  private void checkMethodSetting(Patch patch) {
    Matcher matcher = METHOD_SETTING.matcher(patch.path());
    if (!matcher.matches()) {
      throw badRequest("Invalid patch path " + patch.path());
    }
    String value = patch.value();
    switch (matcher.group(3)) {
      case "throttling/rateLimit" -> {
        try {
          if (Double.parseDouble(value) < 0) {
            throw badRequest("The rate limit must be positive");
          }
        } catch (NumberFormatException | NullPointerException e) {
          throw badRequest("Invalid rate limit value " + value);
        }
      }
      case "throttling/burstLimit" -> {
        try {
          if (Integer.parseInt(value) < 0) {
            throw badRequest("The burst limit must be positive");
          }
        } catch (NumberFormatException e) {
          throw badRequest("Invalid burst limit value " + value);
        }
      }
      case "logging/loglevel" -> {
        if (!Set.of("OFF", "ERROR", "INFO").contains(value)) {
          throw badRequest("Invalid logging level " + value + ". Must be one of: OFF, ERROR, INFO");
        }
        if (!"OFF".equals(value)) {
          requireCloudWatchRole();
        }
      }
      case "logging/dataTrace" -> {
        checkBoolean(patch);
        if (Boolean.parseBoolean(value)) {
          requireCloudWatchRole();
        }
      }
      default -> checkBoolean(patch);
    }
  }

  private void requireCloudWatchRole() {
    if (cloudWatchRoleArn == null) {
      throw badRequest("CloudWatch Logs role ARN must be set in account settings to enable logging");
    }
  }

  private static void checkBoolean(Patch patch) {
    if (!"true".equals(patch.value()) && !"false".equals(patch.value())) {
      throw badRequest("Invalid boolean value " + patch.value() + " for " + patch.path());
    }
  }

  private static void apply(Stage stage, Patch patch) {
    if ("remove".equals(patch.op())) {
      stage.accessLogDestination = null;
      stage.accessLogFormat = null;
      return;
    }
    switch (patch.path()) {
      case "/deploymentId" -> stage.deploymentId = patch.value();
      case "/tracingEnabled" -> stage.tracingEnabled = Boolean.parseBoolean(patch.value());
      case "/accessLogSettings/destinationArn" -> stage.accessLogDestination = patch.value();
      case "/accessLogSettings/format" -> stage.accessLogFormat = patch.value();
      default -> {
        Matcher matcher = METHOD_SETTING.matcher(patch.path());
        matcher.matches();
        MethodSetting setting = stage.methodSettings.computeIfAbsent(matcher.group(1).replace("~1", "/") + "/"
            + matcher.group(2), k -> new MethodSetting());
        switch (matcher.group(3)) {
          case "throttling/rateLimit" -> setting.rateLimit = Double.parseDouble(patch.value());
          case "throttling/burstLimit" -> setting.burstLimit = Integer.parseInt(patch.value());
          case "logging/loglevel" -> setting.loggingLevel = patch.value();
          case "logging/dataTrace" -> setting.dataTrace = Boolean.parseBoolean(patch.value());
          default -> setting.metrics = Boolean.parseBoolean(patch.value());
        }
      }
    }
  }

  // ---- GetAccount, tags ---------------------------------------------------------------------------

  String cloudWatchRoleArn() {
    return cloudWatchRoleArn;
  }

  /** Test control: the account's API Gateway CloudWatch role (UpdateAccount in a real account). */
  public void setCloudWatchRoleArn(String arn) {
    this.cloudWatchRoleArn = arn;
  }

  synchronized Map<String, String> tags(String resourceArn) {
    return Map.copyOf(get(idOf(resourceArn)).tags);
  }

  synchronized void tag(String resourceArn, Map<String, String> tags) {
    checkTags(tags);
    get(idOf(resourceArn)).tags.putAll(tags);
  }

  String arn(String apiId) {
    return "arn:aws:apigateway:" + region + "::/restapis/" + apiId;
  }

  private String idOf(String resourceArn) {
    String prefix = "arn:aws:apigateway:" + region + "::/restapis/";
    if (resourceArn == null || !resourceArn.startsWith(prefix)) {
      throw badRequest("Invalid resource ARN " + resourceArn);
    }
    return resourceArn.substring(prefix.length()).split("/")[0];
  }

  private static void checkTags(Map<String, String> tags) {
    if (tags == null) {
      return;
    }
    tags.forEach((key, value) -> {
      if (key.isEmpty() || key.length() > 128 || key.startsWith("aws:") || value.length() > 256) {
        throw badRequest("Invalid tag " + key);
      }
    });
  }

  private static void checkStageName(String name) {
    if (!STAGE_NAME.matcher(name).matches()) {
      throw badRequest("Stage name only allows a-zA-Z0-9_");
    }
  }

  /**
   * A REST API as an auditor sees it, no call counted: its name, tags, the descriptions of its
   * deployments in the order they were made, and each stage's deployment.
   */
  public record PeekedApi(String id, String name, Map<String, String> tags, List<String> deploymentDescriptions,
      Map<String, String> stageDeployments) {}

  public synchronized List<PeekedApi> peekApis() {
    List<PeekedApi> peeked = new ArrayList<>();
    for (RestApi api : apis.values()) {
      Map<String, String> stages = new TreeMap<>();
      api.stages.forEach((name, stage) -> stages.put(name, stage.deploymentId));
      peeked.add(new PeekedApi(api.id, api.name, Map.copyOf(api.tags),
          api.deployments.values().stream().map(Deployment::description).toList(), stages));
    }
    return peeked;
  }

  /** Test control: the REST APIs, no call counted. */
  public synchronized List<String> peekIds() {
    return new ArrayList<>(apis.keySet());
  }

  /** Test control: a stage's method setting for {@code *}{@code /*}, no call counted. */
  public synchronized Optional<Double> peekRateLimit(String apiId, String stageName) {
    return Optional.ofNullable(apis.get(apiId)).map(a -> a.stages.get(stageName))
        .map(s -> s.methodSettings.get("*/*")).map(m -> m.rateLimit);
  }

  /** The data plane's view: every stage with its deployment's routes, no call counted. */
  public synchronized List<ServedStage> peekServedStages() {
    List<ServedStage> served = new ArrayList<>();
    for (RestApi api : apis.values()) {
      for (Stage stage : api.stages.values()) {
        Deployment deployment = api.deployments.get(stage.deploymentId);
        if (deployment == null) {
          continue;
        }
        Map<String, Map<String, String>> routes = new TreeMap<>();
        deployment.methods().forEach((path, byMethod) -> byMethod.forEach((method, integration) ->
            routes.computeIfAbsent(path, p -> new TreeMap<>()).put(method, integration.uri() == null ? "" : integration.uri())));
        MethodSetting throttling = stage.methodSettings.getOrDefault("*/*", new MethodSetting());
        served.add(new ServedStage(api.id, api.name, stage.name, routes, throttling.rateLimit, throttling.burstLimit));
      }
    }
    return served;
  }

  static BadRequestException badRequest(String message) {
    return AwsErrors.build(BadRequestException.builder(), SimulatedAws.API_GATEWAY, "BadRequestException", 400,
        message);
  }

  static NotFoundException notFound(String message) {
    return AwsErrors.build(NotFoundException.builder(), SimulatedAws.API_GATEWAY, "NotFoundException", 404,
        message);
  }
}
