package dev.tap.operator.sandbox.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tap.operator.sandbox.lambda.InvocationResult;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway's Lambda proxy integration, version 1.0 of its payload: the event a request becomes, and
 * the HTTP response the function's answer becomes (a function error or a malformed answer is a 502).
 * Pure.
 */
final class ProxyIntegration {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProxyIntegration() {}

  /** Where the request came in: the REST API, the stage, the matched route and the request's id. */
  record Context(String accountId, String restApiId, String stage, StageRoutes.Match route, String requestId,
      Instant at) {}

  static String event(StageRequest request, Context context) {
    ObjectNode event = JSON.createObjectNode();
    event.put("resource", context.route().resource());
    event.put("path", request.path());
    event.put("httpMethod", request.method());
    putSingleAndMulti(event, "headers", "multiValueHeaders", request.headers());
    putSingleAndMulti(event, "queryStringParameters", "multiValueQueryStringParameters", query(request.rawQuery()));
    if (context.route().pathParameters().isEmpty()) {
      event.putNull("pathParameters");
    } else {
      ObjectNode parameters = event.putObject("pathParameters");
      context.route().pathParameters().forEach(parameters::put);
    }
    event.putNull("stageVariables");
    ObjectNode requestContext = event.putObject("requestContext");
    requestContext.put("accountId", context.accountId()).put("apiId", context.restApiId())
        .put("resourcePath", context.route().resource()).put("httpMethod", request.method())
        .put("path", "/" + context.stage() + request.path()).put("stage", context.stage())
        .put("requestId", context.requestId()).put("protocol", "HTTP/1.1")
        .put("requestTimeEpoch", context.at().toEpochMilli());
    requestContext.putObject("identity").put("sourceIp", request.sourceIp());
    Optional<String> text = utf8(request.body());
    if (request.body().length == 0) {
      event.putNull("body");
      event.put("isBase64Encoded", false);
    } else {
      event.put("body", text.orElseGet(() -> Base64.getEncoder().encodeToString(request.body())));
      event.put("isBase64Encoded", text.isEmpty());
    }
    return event.toString();
  }

  /** The HTTP response for the function's answer, as API Gateway maps a proxy integration's. */
  static GatewayResponse response(InvocationResult result) {
    if (result.failed()) {
      return GatewayResponse.BAD_GATEWAY;
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(result.payload());
    } catch (IOException e) {
      return GatewayResponse.BAD_GATEWAY;
    }
    if (answer == null || !answer.isObject() || !answer.path("statusCode").canConvertToInt()
        || (answer.has("body") && !answer.get("body").isTextual() && !answer.get("body").isNull())) {
      return GatewayResponse.BAD_GATEWAY;
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    answer.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), List.of(h.getValue().asText())));
    answer.path("multiValueHeaders").fields().forEachRemaining(h -> {
      List<String> values = new ArrayList<>();
      h.getValue().forEach(v -> values.add(v.asText()));
      headers.put(h.getKey(), values);
    });
    String body = answer.path("body").asText("");
    byte[] bytes;
    try {
      bytes = answer.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body)
          : body.getBytes(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return GatewayResponse.BAD_GATEWAY;
    }
    return new GatewayResponse(answer.path("statusCode").asInt(), headers, bytes);
  }

  private static void putSingleAndMulti(ObjectNode event, String single, String multi, Map<String, List<String>> values) {
    if (values.isEmpty()) {
      event.putNull(single);
      event.putNull(multi);
      return;
    }
    ObjectNode last = event.putObject(single);
    ObjectNode all = event.putObject(multi);
    values.forEach((name, list) -> {
      last.put(name, list.get(list.size() - 1));
      list.forEach(all.withArray(name)::add);
    });
  }

  private static Map<String, List<String>> query(String rawQuery) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  private static String decode(String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return part;
    }
  }

  /** The body as text when it is valid UTF-8; API Gateway base64-encodes what is not. */
  private static Optional<String> utf8(byte[] body) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
