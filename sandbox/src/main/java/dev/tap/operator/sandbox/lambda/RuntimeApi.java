package dev.tap.operator.sandbox.lambda;

import com.sun.net.httpserver.HttpExchange;
import dev.tap.operator.sandbox.LoopbackHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's Runtime API (version 2018-06-01) for one execution environment, on loopback: the runtime
 * inside the environment long-polls {@code /next} for an event and posts its response or error back.
 */
final class RuntimeApi implements AutoCloseable {

  private static final String PREFIX = "/2018-06-01/runtime/";
  private static final Pattern RESULT = Pattern.compile(PREFIX + "invocation/([^/]+)/(response|error)");
  static final String ERROR_TYPE_HEADER = "Lambda-Runtime-Function-Error-Type";

  /** One event on its way through the runtime; {@code delivered} holds its deadline once /next took it. */
  record Invocation(String requestId, String event, Duration timeout, CompletableFuture<Long> delivered,
      CompletableFuture<InvocationResult> result) {}

  private final String functionArn;
  private final BlockingQueue<Invocation> queued = new LinkedBlockingQueue<>();
  private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
  private final CompletableFuture<Long> firstNext = new CompletableFuture<>();
  private final CompletableFuture<InvocationResult> initError = new CompletableFuture<>();
  private LoopbackHttp http;

  private RuntimeApi(String functionArn) {
    this.functionArn = functionArn;
  }

  static RuntimeApi start(String functionArn) throws IOException {
    RuntimeApi api = new RuntimeApi(functionArn);
    api.http = LoopbackHttp.start("lambda-runtime-api", exchange -> {
      try (exchange) {
        api.serve(exchange);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    return api;
  }

  /** The value of AWS_LAMBDA_RUNTIME_API. */
  String address() {
    return "127.0.0.1:" + http.port();
  }

  /** Completes with System.nanoTime() of the runtime's first /next: the end of its init. */
  CompletableFuture<Long> firstNext() {
    return firstNext;
  }

  /** Completes when the runtime reports that it could not initialize. */
  CompletableFuture<InvocationResult> initError() {
    return initError;
  }

  Invocation queue(String event, Duration timeout) {
    Invocation invocation = new Invocation(UUID.randomUUID().toString(), event, timeout, new CompletableFuture<>(),
        new CompletableFuture<>());
    queued.add(invocation);
    return invocation;
  }

  private void serve(HttpExchange exchange) throws IOException, InterruptedException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    Matcher result = RESULT.matcher(path);
    if (method.equals("GET") && path.equals(PREFIX + "invocation/next")) {
      next(exchange);
    } else if (method.equals("POST") && result.matches()) {
      finish(exchange, result.group(1), result.group(2).equals("error"));
    } else if (method.equals("POST") && path.equals(PREFIX + "init/error")) {
      initError.complete(new InvocationResult(body(exchange), errorType(exchange)));
      send(exchange, 202, "{\"status\":\"OK\"}");
    } else {
      send(exchange, 404, "{\"errorType\":\"NotFound\",\"errorMessage\":\"no such route\"}");
    }
  }

  private void next(HttpExchange exchange) throws IOException, InterruptedException {
    firstNext.complete(System.nanoTime());
    Invocation invocation = queued.take();
    long deadline = System.currentTimeMillis() + invocation.timeout().toMillis();
    inFlight.put(invocation.requestId(), invocation);
    exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
    exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms", Long.toString(deadline));
    exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
    invocation.delivered().complete(deadline);
    send(exchange, 200, invocation.event());
  }

  private void finish(HttpExchange exchange, String requestId, boolean error) throws IOException {
    String payload = body(exchange);
    Invocation invocation = inFlight.remove(requestId);
    if (invocation == null) {
      send(exchange, 400, "{\"errorType\":\"InvalidRequestID\",\"errorMessage\":\"unknown or finished request "
          + requestId + "\"}");
      return;
    }
    invocation.result().complete(error ? new InvocationResult(payload, errorType(exchange))
        : InvocationResult.success(payload));
    send(exchange, 202, "{\"status\":\"OK\"}");
  }

  /** The runtime names the error's type in a header; a runtime that does not is still reporting an error. */
  private static String errorType(HttpExchange exchange) {
    String type = exchange.getRequestHeaders().getFirst(ERROR_TYPE_HEADER);
    return type == null || type.isBlank() ? "Unhandled" : type;
  }

  private static String body(HttpExchange exchange) throws IOException {
    return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    http.close();
  }
}
