package dev.tap.handler;

import dev.tap.testsupport.Dynalite;
import dev.tap.testsupport.MovableClock;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The handler on a fresh table, called as API Gateway would, with a clock the test moves. */
final class TestApi {

  private static final AtomicInteger TABLES = new AtomicInteger();

  final MovableClock clock = new MovableClock(Instant.parse("2025-03-01T10:00:00Z"));
  final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
  final ItemsHandler handler;
  final String table;

  private TestApi(DynamoDbClient dynamo, String table, boolean createTable) {
    this.table = table;
    if (createTable) {
      Dynalite.createItemsTable(dynamo, table, HandlerConfig.DEFAULT_INDEX);
    }
    ItemsService service = new ItemsService(new ItemsRepository(dynamo, table, HandlerConfig.DEFAULT_INDEX),
        new PageTokens("test-key"), clock, UUID::randomUUID);
    this.handler = new ItemsHandler(service, new RequestLog(new PrintStream(logged, true, StandardCharsets.UTF_8),
        new PrintStream(errors, true, StandardCharsets.UTF_8)));
  }

  static TestApi on(Dynalite dynalite) {
    return new TestApi(dynalite.client(), "items-" + TABLES.incrementAndGet(), true);
  }

  /** The handler in front of any client, such as one that fails on purpose; no table is created. */
  static TestApi over(DynamoDbClient dynamo) {
    return new TestApi(dynamo, "items-unused", false);
  }

  record Response(int status, Map<String, String> headers, String rawBody) {
    JsonNode body() {
      try {
        return Json.parse(rawBody.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String header(String name) {
      return headers == null ? null : headers.get(name);
    }
  }

  Response call(String method, String path, Map<String, String> headers, Map<String, String> query, String body) {
    return call(method, path, headers, query, body, null);
  }

  /** As Lambda calls it, with {@code context} (null in local probes). */
  Response call(String method, String path, Map<String, String> headers, Map<String, String> query, String body,
      Context context) {
    APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent().withHttpMethod(method).withPath(path)
        .withHeaders(headers).withQueryStringParameters(query).withBody(body).withIsBase64Encoded(false);
    APIGatewayProxyResponseEvent response = handler.handleRequest(event, context);
    return new Response(response.getStatusCode(), response.getHeaders(), response.getBody());
  }

  Response post(String json) {
    return call("POST", "/items", Map.of("Content-Type", "application/json"), null, json);
  }

  Response get(String id) {
    return call("GET", "/items/" + id, null, null, null);
  }

  Response list(Map<String, String> query) {
    return call("GET", "/items", null, query, null);
  }

  Response put(String id, String ifMatch, String json) {
    Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json"));
    if (ifMatch != null) {
      headers.put("If-Match", ifMatch);
    }
    return call("PUT", "/items/" + id, headers, null, json);
  }

  Response delete(String id, String ifMatch) {
    return call("DELETE", "/items/" + id, ifMatch == null ? null : Map.of("If-Match", ifMatch), null, null);
  }

  String create(String name) {
    return post("{\"name\":\"" + name + "\"}").body().path("id").asText();
  }

  List<String> logLines() {
    return logged.toString(StandardCharsets.UTF_8).lines().toList();
  }

  /** What went to stderr: stack traces of failures behind 500s. */
  String errorOutput() {
    return errors.toString(StandardCharsets.UTF_8);
  }
}
