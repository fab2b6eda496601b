package dev.tap.operator.sandbox.serve;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What the stage answers: a status, headers and a body. API Gateway's own answers carry its JSON
 * message and {@code x-amzn-ErrorType}, as its gateway responses do by default.
 */
record GatewayResponse(int status, Map<String, List<String>> headers, byte[] body) {

  static final GatewayResponse MISSING_AUTHENTICATION_TOKEN =
      gateway(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
  static final GatewayResponse FORBIDDEN = gateway(403, "ForbiddenException", "Forbidden");
  static final GatewayResponse TOO_MANY_REQUESTS = gateway(429, "TooManyRequestsException", "Too Many Requests");
  static final GatewayResponse INTERNAL_SERVER_ERROR =
      gateway(500, "InternalServerErrorException", "Internal server error");
  /** A function error, a timeout or a malformed proxy response. */
  static final GatewayResponse BAD_GATEWAY = gateway(502, "InternalServerErrorException", "Internal server error");
  static final GatewayResponse ENDPOINT_TIMED_OUT =
      gateway(504, "InternalServerErrorException", "Endpoint request timed out");

  private static GatewayResponse gateway(int status, String errorType, String message) {
    String body = "{\"message\":\"" + message + "\"}";
    return new GatewayResponse(status, Map.of("Content-Type", List.of("application/json"), "x-amzn-ErrorType",
        List.of(errorType)), body.getBytes(StandardCharsets.UTF_8));
  }
}
