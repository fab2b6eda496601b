package dev.tap.operator.sandbox.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.aws.simulated.apigateway.ApiGatewayState;
import dev.tap.operator.aws.simulated.lambda.FunctionSettings;
import dev.tap.operator.aws.simulated.lambda.LambdaState;
import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * One stage as API Gateway serves it: its path prefix, its deployment's routes, its throttling, and
 * the Lambda proxy integration on the alias, each request drawn to a version by the alias's weights.
 */
final class StageFront implements HttpHandler {

  private final String region;
  private final String restApiId;
  private final String apiName;
  private final String stage;
  private final SimulatedAws aws;
  private final VersionInvocations invocations;
  private final Consumer<String> say;
  private final Clock clock;
  private final ServedMetrics metrics;
  private final Set<String> unrunnable = ConcurrentHashMap.newKeySet();
  private volatile StageRoutes routes;
  private volatile TokenBucket throttle;
  private volatile Map<String, Map<String, String>> servedRoutes;

  /** {@code clock}: the sandbox's, which times the metrics; request-level durations are real. */
  StageFront(String region, ApiGatewayState.ServedStage served, SimulatedAws aws, VersionInvocations invocations,
      Clock clock, Consumer<String> say) {
    this.region = region;
    this.restApiId = served.restApiId();
    this.apiName = served.apiName();
    this.stage = served.stage();
    this.metrics = new ServedMetrics(aws);
    this.aws = aws;
    this.invocations = invocations;
    this.say = say;
    this.clock = clock;
    update(served);
  }

  /** A new deployment or new throttling: served from the next request on. */
  void update(ApiGatewayState.ServedStage served) {
    if (!served.routes().equals(servedRoutes)) {
      servedRoutes = served.routes();
      routes = new StageRoutes(served.routes());
    }
    TokenBucket bucket = throttle;
    if (bucket == null || !bucket.sameLimits(served.rateLimit(), served.burstLimit())) {
      throttle = new TokenBucket(served.rateLimit(), served.burstLimit(), System::nanoTime);
    }
  }

  /** The versions this stage's integrations may invoke now: each alias's version and its additional ones. */
  Set<FunctionFleet.VersionKey> routedVersions() {
    Set<FunctionFleet.VersionKey> versions = new HashSet<>();
    servedRoutes.values().forEach(byMethod -> byMethod.values().forEach(uri -> InvocationTarget.of(uri)
        .ifPresent(target -> aws.lambda(target.region()).state().peekRouting(target.function(), target.qualifier())
            .ifPresent(routing -> {
              versions.add(new FunctionFleet.VersionKey(target.region(), target.function(), routing.version()));
              routing.additionalWeights().keySet().forEach(version ->
                  versions.add(new FunctionFleet.VersionKey(target.region(), target.function(), version)));
            }))));
    return versions;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String requestId = UUID.randomUUID().toString();
      long started = System.nanoTime();
      GatewayResponse response;
      try {
        response = answer(exchange, requestId);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        response = GatewayResponse.INTERNAL_SERVER_ERROR;
      }
      if (response != GatewayResponse.FORBIDDEN) {
        metrics.request(region, apiName, stage, response.status(), (System.nanoTime() - started) / 1e6, clock.instant());
      }
      response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
      exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
      byte[] body = response.body();
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
    }
  }

  private GatewayResponse answer(HttpExchange exchange, String requestId) throws IOException, InterruptedException {
    String path = exchange.getRequestURI().getPath();
    String prefix = "/" + stage;
    if (!path.equals(prefix) && !path.startsWith(prefix + "/")) {
      return GatewayResponse.FORBIDDEN;
    }
    String resourcePath = path.length() == prefix.length() ? "/" : path.substring(prefix.length());
    String method = exchange.getRequestMethod();
    Optional<StageRoutes.Match> route = routes.match(method, resourcePath);
    if (route.isEmpty()) {
      return GatewayResponse.MISSING_AUTHENTICATION_TOKEN;
    }
    if (!throttle.tryTake()) {
      return GatewayResponse.TOO_MANY_REQUESTS;
    }
    StageRequest request = new StageRequest(method, resourcePath, exchange.getRequestURI().getRawQuery(),
        exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes(),
        exchange.getRemoteAddress().getAddress().getHostAddress());
    return integrate(request, route.get(), requestId);
  }

  private GatewayResponse integrate(StageRequest request, StageRoutes.Match route, String requestId)
      throws IOException, InterruptedException {
    Optional<InvocationTarget> target = InvocationTarget.of(route.integrationUri());
    if (target.isEmpty()) {
      return GatewayResponse.INTERNAL_SERVER_ERROR;
    }
    LambdaState lambda = aws.lambda(target.get().region()).state();
    Optional<LambdaState.Routing> routing = lambda.peekRouting(target.get().function(), target.get().qualifier());
    if (routing.isEmpty()) {
      return GatewayResponse.INTERNAL_SERVER_ERROR;
    }
    String version = routing.get().pick(() -> ThreadLocalRandom.current().nextDouble());
    Optional<FunctionSettings> settings = lambda.peekVersion(target.get().function(), version);
    if (settings.isEmpty()) {
      return GatewayResponse.INTERNAL_SERVER_ERROR;
    }
    String event = ProxyIntegration.event(request, new ProxyIntegration.Context(SimulatedAws.ACCOUNT_ID, restApiId,
        stage, route, requestId, clock.instant()));
    VersionInvocations.Outcome outcome = invocations.run(target.get(), version, settings.get(), event);
    if (outcome.problem() != null) {
      if (unrunnable.add(target.get().function() + ":" + version)) {
        say.accept(target.get().function() + ":" + version + ": " + outcome.problem() + "; the stage answers 502");
      }
      return GatewayResponse.BAD_GATEWAY;
    }
    return outcome.result().map(ProxyIntegration::response).orElse(GatewayResponse.ENDPOINT_TIMED_OUT);
  }

}
