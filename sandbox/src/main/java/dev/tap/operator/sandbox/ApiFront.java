package dev.tap.operator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's API server as kubectl and other clients see it: what a real API server does where it
 * matters (discovery, OpenAPI documents, Tables, ServerlessApi validation, dry runs, patches, chunked
 * watches, Events filtered by field selectors) in front of the CRUD store, to which everything else
 * passes through. A request a real API server would not execute never reaches the store.
 */
final class ApiFront implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SERVERLESS_APIS = Pattern.compile(
      "^/apis/" + Pattern.quote(ServerlessApi.API_VERSION) + "(?:/namespaces/([^/]+))?/" + ApiDiscovery.PLURAL + "(?:/([^/]+))?$");
  private static final Pattern EVENTS = Pattern.compile("^/api/v1(?:/namespaces/([^/]+))?/events$");

  private LoopbackHttp http;
  private final Backend backend;
  private final ServerlessApiEndpoint serverlessApis;
  private final WatchStream watches;
  private final Tables tables;
  private final OpenApiDocuments openApi;

  private ApiFront(Backend backend, ServerlessApiEndpoint serverlessApis, WatchStream watches,
      Tables tables, OpenApiDocuments openApi) {
    this.backend = backend;
    this.serverlessApis = serverlessApis;
    this.watches = watches;
    this.tables = tables;
    this.openApi = openApi;
  }

  static ApiFront start(Backend backend, KubernetesClient store, ServerlessApiEndpoint serverlessApis, Tables tables,
      OpenApiDocuments openApi) throws IOException {
    ApiFront front = new ApiFront(backend, serverlessApis, new WatchStream(store), tables, openApi);
    front.http = LoopbackHttp.start("sandbox-api", front::handle);
    return front;
  }

  /** The sandbox's own endpoints, once the simulated AWS exists. */
  void serveControl(SandboxControl control) {
    http.serveControl(control);
  }

  String url() {
    return http.url();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      route(exchange);
    } catch (IOException | RuntimeException e) {
      // The client went away mid-answer, or the store failed: answer if still possible, never crash.
      try {
        send(exchange, 500, StatusResponses.failure(500, "InternalError", "the sandbox's API server failed: " + e),
            List.of());
      } catch (IOException | RuntimeException ignored) {
        // nothing left to tell
      }
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    if ("GET".equals(method)) {
      var document = ApiDiscovery.document(path).or(() -> openApi.document(path));
      if (document.isPresent()) {
        send(exchange, 200, document.get(), List.of());
        return;
      }
    }
    Matcher serverlessApi = SERVERLESS_APIS.matcher(path);
    if (serverlessApi.matches()) {
      serveServerlessApis(exchange, method, path, serverlessApi.group(1), serverlessApi.group(2), query);
      return;
    }
    Matcher events = EVENTS.matcher(path);
    if (events.matches() && "GET".equals(method) && !query.containsKey("watch")) {
      serveEvents(exchange, path, query);
      return;
    }
    passThrough(exchange, method);
  }

  private void serveServerlessApis(HttpExchange exchange, String method, String path, String namespace, String name,
      Map<String, String> query) throws IOException {
    boolean table = wantsTable(exchange);
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    ServerlessApiEndpoint.Answer answer;
    switch (method) {
      case "GET" -> {
        if (name == null && isWatch(query)) {
          watch(exchange, namespace, query, table);
          return;
        }
        Backend.Reply reply = backend.get(path);
        JsonNode found = JSON.readTree(reply.body());
        if (reply.code() == 200 && name == null) {
          keepSelected(found, fieldSelector(query));
          ((ObjectNode) found).put("kind", ServerlessApi.KIND + "List").put("apiVersion", ServerlessApi.API_VERSION);
        }
        answer = new ServerlessApiEndpoint.Answer(reply.code(),
            reply.code() == 200 && table ? tables.serverlessApis(found) : found);
      }
      case "POST" -> answer = serverlessApis.create(path, namespace, body, query);
      case "PUT" -> answer = serverlessApis.replace(path, name, body, query);
      case "PATCH" -> answer = serverlessApis.patch(path, name, exchange.getRequestHeaders().getFirst("Content-Type"),
          body, query);
      case "DELETE" -> {
        if (isDryRun(query, body)) {
          answer = serverlessApis.dryRunDelete(path, name);
        } else {
          Backend.Reply reply = backend.call("DELETE", path, body.isEmpty() ? null : body,
              Map.of("Content-Type", "application/json", "Accept", "application/json"));
          answer = new ServerlessApiEndpoint.Answer(reply.code(), JSON.readTree(reply.body()));
        }
      }
      default -> answer = new ServerlessApiEndpoint.Answer(405,
          StatusResponses.failure(405, "MethodNotAllowed", "method " + method + " is not allowed here"));
    }
    send(exchange, answer.code(), answer.body(), answer.warnings());
  }

  private void watch(HttpExchange exchange, String namespace, Map<String, String> query, boolean table) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0);
    long after = parseLong(query.get("resourceVersion"));
    Duration timeout = query.containsKey("timeoutSeconds") ? Duration.ofSeconds(parseLong(query.get("timeoutSeconds"))) : null;
    try (OutputStream out = exchange.getResponseBody()) {
      watches.stream(namespace, fieldSelector(query).get("metadata.name"), after, timeout, out,
          object -> table ? tables.serverlessApis(object) : object);
    }
  }

  /** Events, filtered by the field selectors kubectl describe sends (involvedObject.*), as a Table when asked. */
  private void serveEvents(HttpExchange exchange, String path, Map<String, String> query) throws IOException {
    Backend.Reply reply = backend.get(path);
    JsonNode list = JSON.readTree(reply.body());
    if (reply.code() != 200) {
      send(exchange, reply.code(), list, List.of());
      return;
    }
    keepSelected(list, fieldSelector(query));
    // The store answers kind List; clients decode an EventList, as a real API server sends.
    ((ObjectNode) list).put("kind", "EventList").put("apiVersion", "v1");
    send(exchange, 200, wantsTable(exchange) ? tables.events(list) : list, List.of());
  }

  private void passThrough(HttpExchange exchange, String method) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String pathAndQuery = exchange.getRequestURI().getRawPath()
        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
    Map<String, String> headers = new HashMap<>();
    headers.put("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"));
    headers.put("Accept", "application/json");
    Backend.Reply reply = backend.call(method, pathAndQuery, body.length == 0 ? null : new String(body, StandardCharsets.UTF_8),
        headers);
    byte[] answer = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    exchange.sendResponseHeaders(reply.code(), answer.length == 0 ? -1 : answer.length);
    if (answer.length > 0) {
      exchange.getResponseBody().write(answer);
    }
  }

  private static void send(HttpExchange exchange, int code, JsonNode body, List<String> warnings) throws IOException {
    warnings.forEach(warning -> exchange.getResponseHeaders().add("Warning", "299 - \"" + warning.replace("\"", "\\\"") + "\""));
    LoopbackHttp.sendJson(exchange, code, body);
  }

  /** Keeps the items whose fields equal every term of the field selector (metadata.name, involvedObject.uid, ...). */
  private static void keepSelected(JsonNode list, Map<String, String> selector) {
    if (selector.isEmpty() || !list.has("items")) {
      return;
    }
    ArrayNode kept = JSON.createArrayNode();
    for (JsonNode item : list.get("items")) {
      if (selector.entrySet().stream().allMatch(e -> e.getValue().equals(FieldPaths.at(item, e.getKey()).asText(null)))) {
        kept.add(item);
      }
    }
    ((ObjectNode) list).set("items", kept);
  }

  /** {@code dryRun=All} in the query, or in the DeleteOptions body as kubectl sends it for a delete. */
  private static boolean isDryRun(Map<String, String> query, String body) {
    if ("All".equals(query.get("dryRun"))) {
      return true;
    }
    try {
      JsonNode options = body.isBlank() ? null : JSON.readTree(body);
      if (options != null) {
        for (JsonNode value : options.path("dryRun")) {
          if ("All".equals(value.asText())) {
            return true;
          }
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean wantsTable(HttpExchange exchange) {
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    return accept != null && accept.contains("as=Table");
  }

  private static boolean isWatch(Map<String, String> query) {
    return "true".equals(query.get("watch")) || "1".equals(query.get("watch"));
  }

  /** {@code fieldSelector=metadata.name=x,involvedObject.uid=y} as a map; only equality is served. */
  private static Map<String, String> fieldSelector(Map<String, String> query) {
    Map<String, String> selector = new HashMap<>();
    String value = query.get("fieldSelector");
    if (value != null) {
      for (String term : value.split(",")) {
        String[] parts = term.split("==?", 2);
        if (parts.length == 2 && !parts[0].endsWith("!")) {
          selector.put(parts[0].trim(), parts[1].trim());
        }
      }
    }
    return selector;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String[] parts = pair.split("=", 2);
        query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
            parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
      }
    }
    return query;
  }

  private static long parseLong(String value) {
    try {
      return value == null || value.isEmpty() ? 0 : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
