package dev.tap.operator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A plain-HTTP server of the sandbox's on loopback: a thread per request (watches and Lambda's
 * {@code /next} hold theirs), and the sandbox's own {@code /sandbox/v1/} endpoints answered before
 * anything else, once they are served there.
 */
public final class LoopbackHttp implements AutoCloseable {

  static {
    // Without it a small response waits for the peer's delayed ACK (Nagle): 40 ms on every hop to a function.
    // The JDK's server reads it once, when its first server starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService threads;
  private volatile SandboxControl control;

  private LoopbackHttp(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /** Serves every other request with {@code handler}, on threads named {@code threadName}. */
  public static LoopbackHttp start(String threadName, HttpHandler handler) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
    LoopbackHttp http = new LoopbackHttp(server, threads);
    server.createContext("/", exchange -> {
      SandboxControl sandbox = http.control;
      if (sandbox != null && exchange.getRequestURI().getPath().startsWith(SandboxControl.PREFIX)) {
        try (exchange) {
          String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          SandboxControl.Answer answer = sandbox.handle(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
              body).orElseThrow();
          sendJson(exchange, answer.code(), answer.body());
        }
      } else {
        handler.handle(exchange);
      }
    });
    server.setExecutor(threads);
    server.start();
    return http;
  }

  /** The sandbox's own endpoints, once the simulated AWS exists. */
  void serveControl(SandboxControl control) {
    this.control = control;
  }

  String url() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  static void sendJson(HttpExchange exchange, int code, JsonNode body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
