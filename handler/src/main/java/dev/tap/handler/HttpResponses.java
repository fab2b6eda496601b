package dev.tap.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/** API Gateway proxy responses: JSON bodies, CORS headers, and the one error shape. */
final class HttpResponses {

  /** The published version that served a request (absent where no Lambda context is, as in local probes). */
  static final String FUNCTION_VERSION = "X-Tap-Function-Version";
  private static final String ALLOWED_HEADERS =
      "Content-Type, If-Match, Authorization, X-Api-Key, X-Amz-Date, X-Amz-Security-Token";

  private HttpResponses() {}

  static APIGatewayProxyResponseEvent json(int status, JsonNode body, Map<String, String> extraHeaders) {
    Map<String, String> headers = baseHeaders();
    headers.put("Content-Type", "application/json");
    headers.putAll(extraHeaders);
    return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(headers).withBody(Json.write(body));
  }

  static APIGatewayProxyResponseEvent noContent(Map<String, String> extraHeaders) {
    Map<String, String> headers = baseHeaders();
    headers.putAll(extraHeaders);
    return new APIGatewayProxyResponseEvent().withStatusCode(204).withHeaders(headers);
  }

  static APIGatewayProxyResponseEvent preflight(String allow) {
    return noContent(Map.of("Access-Control-Allow-Methods", allow, "Access-Control-Allow-Headers", ALLOWED_HEADERS,
        "Access-Control-Max-Age", "600", "Allow", allow));
  }

  static APIGatewayProxyResponseEvent error(ApiError error, String requestId) {
    ObjectNode body = Json.NODES.objectNode();
    body.putObject("error").put("code", error.code()).put("message", error.getMessage()).put("requestId", requestId);
    return json(error.status(), body, error.headers());
  }

  static String etag(JsonNode item) {
    return "\"" + item.path("version").asText() + "\"";
  }

  private static Map<String, String> baseHeaders() {
    Map<String, String> headers = new HashMap<>();
    headers.put("Access-Control-Allow-Origin", "*");
    headers.put("Access-Control-Expose-Headers", "ETag, Location, Retry-After, " + FUNCTION_VERSION);
    return headers;
  }
}
