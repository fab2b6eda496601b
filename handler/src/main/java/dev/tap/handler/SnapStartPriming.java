package dev.tap.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.Map;
import org.crac.Context;
import org.crac.Resource;

/**
 * SnapStart priming, as AWS's guidance and Powertools do it: before Lambda snapshots the initialised
 * function, read-only requests through the whole handler (routing, the DynamoDB client's first calls
 * with their connection, signing and JSON, a not-found answer, a page of the list) load and compile
 * what the first real requests would, so a restored function answers without that work. It writes
 * nothing, and a failure is logged, never fatal: an unprimed snapshot is still a working one.
 */
final class SnapStartPriming implements Resource {

  /** An id no item has: reading it is a GetItem that finds nothing. */
  static final String ABSENT_ID = "00000000-0000-4000-8000-000000000000";

  private final ItemsHandler handler;
  private final RequestLog log;

  SnapStartPriming(ItemsHandler handler, RequestLog log) {
    this.handler = handler;
    this.log = log;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    try {
      handler.handleRequest(new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/items/" + ABSENT_ID)
          .withRequestContext(primingContext()), null);
      handler.handleRequest(new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/items")
          .withQueryStringParameters(Map.of("limit", "1")).withRequestContext(primingContext()), null);
    } catch (RuntimeException e) {
      log.failure("snapstart-priming", e);
    }
  }

  /** Connections opened before the snapshot are stale after it; the SDK opens new ones when it needs them. */
  @Override
  public void afterRestore(Context<? extends Resource> context) {
  }

  private static APIGatewayProxyRequestEvent.ProxyRequestContext primingContext() {
    return new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("snapstart-priming");
  }
}
