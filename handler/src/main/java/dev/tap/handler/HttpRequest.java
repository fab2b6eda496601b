package dev.tap.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/** The parts of an API Gateway proxy request the API reads, with headers matched case-insensitively. */
final class HttpRequest {

  static final int MAX_BODY_BYTES = 64 * 1024;

  private final APIGatewayProxyRequestEvent event;

  HttpRequest(APIGatewayProxyRequestEvent event) {
    this.event = event;
  }

  String method() {
    return event.getHttpMethod();
  }

  String path() {
    return event.getPath();
  }

  String header(String name) {
    Map<String, String> headers = event.getHeaders();
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return null;
  }

  String query(String name) {
    Map<String, String> query = event.getQueryStringParameters();
    return query == null ? null : query.get(name);
  }

  /** The JSON body, checked for presence, size and media type before it is parsed. */
  byte[] jsonBody() {
    String body = event.getBody();
    if (body == null || body.isEmpty()) {
      throw ApiError.badRequest("a JSON body is required");
    }
    byte[] bytes;
    if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
      if (body.length() > (MAX_BODY_BYTES / 3 + 1) * 4) {
        throw ApiError.payloadTooLarge(MAX_BODY_BYTES);
      }
      try {
        bytes = Base64.getDecoder().decode(body);
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest("the body is marked base64 but is not");
      }
    } else {
      if (body.length() > MAX_BODY_BYTES) {
        throw ApiError.payloadTooLarge(MAX_BODY_BYTES);
      }
      bytes = body.getBytes(StandardCharsets.UTF_8);
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw ApiError.payloadTooLarge(MAX_BODY_BYTES);
    }
    String contentType = header("Content-Type");
    if (!isJson(contentType)) {
      throw ApiError.unsupportedMediaType(contentType);
    }
    return bytes;
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return mediaType.equals("application/json") || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
  }
}
