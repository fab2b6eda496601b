package dev.tap.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tap.handler.ItemsService.ItemPage;
import dev.tap.handler.ItemsService.Precondition;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crac.Core;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

/**
 * The function's entry point: one handler for every route of the items API, behind an API Gateway
 * REST API with Lambda proxy integration. Everything expensive happens once, at init.
 */
public final class ItemsHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

  private static final Pattern ETAG = Pattern.compile("^\\s*\"?([1-9][0-9]{0,17})\"?\\s*$");
  static final int RETRY_AFTER_SECONDS = 1;

  private final Router router = new Router();
  private final ItemsService items;
  private final RequestLog log;
  private final SnapStartPriming priming;

  /**
   * Used by Lambda: configuration and the DynamoDB client come from the environment, and the SnapStart
   * priming is registered (a no-op where there are no snapshots).
   */
  public ItemsHandler() {
    this(HandlerConfig.fromEnvironment(System.getenv()), DynamoDbClients.fromEnvironment(System.getenv()));
    Core.getGlobalContext().register(priming);
  }

  public ItemsHandler(HandlerConfig config, DynamoDbClient dynamo) {
    this(new ItemsService(new ItemsRepository(dynamo, config.tableName(), config.indexName()),
        new PageTokens(config.tokenKey()), Clock.systemUTC(), UUID::randomUUID), new RequestLog(System.out, System.err));
  }

  ItemsHandler(ItemsService items, RequestLog log) {
    this.items = items;
    this.log = log;
    this.priming = new SnapStartPriming(this, log);
  }

  /** The priming hooks; held here because the CRaC context keeps only weak references to its resources. */
  SnapStartPriming priming() {
    return priming;
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    long started = System.nanoTime();
    String requestId = requestId(event, context);
    Route route = null;
    String failure = null;
    APIGatewayProxyResponseEvent response;
    try {
      HttpRequest request = new HttpRequest(event == null ? new APIGatewayProxyRequestEvent() : event);
      Router.Match match = router.route(request.method(), request.path());
      route = match.route();
      response = serve(match, request);
    } catch (ApiError e) {
      response = HttpResponses.error(e, requestId);
    } catch (SdkServiceException e) {
      failure = e.getClass().getSimpleName();
      ApiError error = isThrottling(e) ? ApiError.throttled(RETRY_AFTER_SECONDS) : ApiError.internal();
      if (!isThrottling(e)) {
        log.failure(requestId, e);
      }
      response = HttpResponses.error(error, requestId);
    } catch (RuntimeException e) {
      failure = e.getClass().getSimpleName();
      log.failure(requestId, e);
      response = HttpResponses.error(ApiError.internal(), requestId);
    }
    log.request(requestId, event == null ? null : event.getHttpMethod(), route, response.getStatusCode(),
        (System.nanoTime() - started) / 1000, failure);
    return withVersion(response, context);
  }

  /** Which published version served the request, so that a canary's share can be seen from outside. */
  private static APIGatewayProxyResponseEvent withVersion(APIGatewayProxyResponseEvent response, Context context) {
    String version = context == null ? null : context.getFunctionVersion();
    if (version != null) {
      Map<String, String> headers = new HashMap<>(response.getHeaders());
      headers.put(HttpResponses.FUNCTION_VERSION, version);
      response.setHeaders(headers);
    }
    return response;
  }

  private APIGatewayProxyResponseEvent serve(Router.Match match, HttpRequest request) {
    return switch (match.route()) {
      case CREATE_ITEM -> {
        ObjectNode item = items.create(ItemJson.parseObject(request.jsonBody()));
        yield HttpResponses.json(201, item,
            Map.of("Location", "/items/" + item.path("id").asText(), "ETag", HttpResponses.etag(item)));
      }
      case GET_ITEM -> {
        ObjectNode item = items.get(match.id());
        yield HttpResponses.json(200, item, Map.of("ETag", HttpResponses.etag(item)));
      }
      case LIST_ITEMS -> {
        ItemPage page = items.list(request.query("limit"), request.query("nextToken"), request.query("createdDate"));
        ObjectNode body = Json.NODES.objectNode();
        body.putArray("items").addAll(page.items());
        body.put("nextToken", page.nextToken());
        yield HttpResponses.json(200, body, Map.of());
      }
      case REPLACE_ITEM -> {
        Precondition ifMatch = ifMatch(request.header("If-Match"));
        ObjectNode item = items.replace(match.id(), ItemJson.parseObject(request.jsonBody()), ifMatch);
        yield HttpResponses.json(200, item, Map.of("ETag", HttpResponses.etag(item)));
      }
      case DELETE_ITEM -> {
        items.delete(match.id(), ifMatch(request.header("If-Match")));
        yield HttpResponses.noContent(Map.of());
      }
      case PREFLIGHT -> HttpResponses.preflight(match.allow());
    };
  }

  /** Still throttled after the SDK's own retries: the client should back off and retry. */
  private static boolean isThrottling(SdkServiceException e) {
    return e instanceof ProvisionedThroughputExceededException || e instanceof RequestLimitExceededException
        || e.isThrottlingException();
  }

  private static Precondition ifMatch(String header) {
    if (header == null) {
      return Precondition.NONE;
    }
    if (header.trim().equals("*")) {
      return Precondition.ANY;
    }
    Matcher matcher = ETAG.matcher(header);
    if (!matcher.matches()) {
      throw ApiError.badRequest("If-Match must be one ETag such as \"3\", or *");
    }
    return Precondition.version(Long.parseLong(matcher.group(1)));
  }

  private static String requestId(APIGatewayProxyRequestEvent event, Context context) {
    if (context != null && context.getAwsRequestId() != null) {
      return context.getAwsRequestId();
    }
    if (event != null && event.getRequestContext() != null && event.getRequestContext().getRequestId() != null) {
      return event.getRequestContext().getRequestId();
    }
    return UUID.randomUUID().toString();
  }
}
