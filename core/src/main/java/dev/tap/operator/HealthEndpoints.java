package dev.tap.operator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tap.operator.metrics.OperatorMetrics;
import io.javaoperatorsdk.operator.RuntimeInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * Kubernetes probes for the operator pod, served from the process's start: {@code /healthz} answers
 * 200 as long as the process serves (a liveness probe must not kill a pod whose informers are still
 * syncing a large cluster); {@code /readyz} 200 once the operator has started and while every
 * informer is healthy (connected and watching), 503 before and otherwise. A standby replica waiting
 * for the Lease is ready: JOSDK starts its informers before the election, so its caches are synced
 * and it can take over at once; only the leader processes events. And {@code /metrics} for
 * Prometheus ({@link OperatorMetrics}).
 */
public final class HealthEndpoints implements AutoCloseable {

  private final HttpServer server;

  private HealthEndpoints(HttpServer server) {
    this.server = server;
  }

  public static HealthEndpoints start(int port, RuntimeInfo runtime, OperatorMetrics metrics) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/metrics", exchange -> {
      byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.createContext("/healthz", exchange -> answer(exchange, () -> true));
    server.createContext("/readyz", exchange -> answer(exchange,
        () -> runtime.isStarted() && runtime.allEventSourcesAreHealthy()));
    server.start();
    return new HealthEndpoints(server);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void answer(HttpExchange exchange, BooleanSupplier healthy) throws IOException {
    boolean ok = healthy.getAsBoolean();
    byte[] body = (ok ? "ok\n" : "not ready\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/plain");
    exchange.sendResponseHeaders(ok ? 200 : 503, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
