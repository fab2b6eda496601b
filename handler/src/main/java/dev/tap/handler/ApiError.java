package dev.tap.handler;

import java.util.Map;

/**
 * A failure with its HTTP answer: every error the API returns is one of these, so status codes
 * and error codes are decided here and nowhere else.
 */
public final class ApiError extends RuntimeException {

  private final int status;
  private final String code;
  private final Map<String, String> headers;

  private ApiError(int status, String code, String message, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }

  public static ApiError badRequest(String message) {
    return new ApiError(400, "BadRequest", message, Map.of());
  }

  public static ApiError notFound(String message) {
    return new ApiError(404, "NotFound", message, Map.of());
  }

  public static ApiError methodNotAllowed(String method, String allow) {
    return new ApiError(405, "MethodNotAllowed", method + " is not allowed here; allowed: " + allow, Map.of("Allow", allow));
  }

  public static ApiError conflict(String message) {
    return new ApiError(409, "Conflict", message, Map.of());
  }

  public static ApiError payloadTooLarge(int limit) {
    return new ApiError(413, "PayloadTooLarge", "the body is larger than " + limit + " bytes", Map.of());
  }

  public static ApiError unsupportedMediaType(String contentType) {
    return new ApiError(415, "UnsupportedMediaType",
        "the body must be application/json, not " + (contentType == null ? "unspecified" : contentType), Map.of());
  }

  public static ApiError preconditionRequired(String message) {
    return new ApiError(428, "PreconditionRequired", message, Map.of());
  }

  public static ApiError throttled(int retryAfterSeconds) {
    return new ApiError(429, "TooManyRequests", "the table is busy; retry after " + retryAfterSeconds + " s",
        Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
  }

  public static ApiError internal() {
    return new ApiError(500, "InternalError", "an internal error occurred", Map.of());
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
