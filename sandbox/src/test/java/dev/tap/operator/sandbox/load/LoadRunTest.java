package dev.tap.operator.sandbox.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load command's run against a stand-in stage whose answers it knows: the figures add up to what was served. */
class LoadRunTest {

  private HttpServer stage;
  private final AtomicInteger served = new AtomicInteger();
  private final Map<String, AtomicInteger> byMethod = new ConcurrentHashMap<>();
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicInteger byVersion2 = new AtomicInteger();

  @BeforeEach
  void serveAStage() throws IOException {
    stage = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    stage.createContext("/prod/items", this::answer);
    stage.start();
  }

  @AfterEach
  void stop() {
    stage.stop(0);
  }

  /** Every tenth request served by version 2, every seventh a 500. */
  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      int n = served.incrementAndGet();
      byMethod.computeIfAbsent(exchange.getRequestMethod(), m -> new AtomicInteger()).incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      String version = n % 10 == 0 ? "2" : "1";
      if (version.equals("2")) {
        byVersion2.incrementAndGet();
      }
      exchange.getResponseHeaders().add(LoadRun.VERSION_HEADER, version);
      if (n % 7 == 0) {
        failures.incrementAndGet();
        exchange.sendResponseHeaders(500, -1);
        return;
      }
      boolean create = exchange.getRequestMethod().equals("POST");
      byte[] body = (create ? "{\"id\":\"" + UUID.randomUUID() + "\"}" : "{}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(create ? 201 : 200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  @Test
  void a_steady_rate_of_the_apis_calls_counted_by_outcome_and_by_the_version_that_served_it() throws Exception {
    URI url = URI.create("http://127.0.0.1:" + stage.getAddress().getPort() + "/prod");

    LoadReport.Summary summary = new LoadRun(url).run(40, Duration.ofSeconds(1));

    assertThat(summary.requests()).isEqualTo(40).isEqualTo(served.get());
    assertThat(summary.failed()).isEqualTo(failures.get());
    assertThat(summary.failedByCause()).containsExactly(Map.entry("HTTP 500", (long) failures.get()));
    assertThat(summary.byVersion()).containsEntry("2", (long) byVersion2.get()).containsEntry("1", 40L - byVersion2.get());
    assertThat(summary.latencyMs()).containsKeys("p50", "p99", "max");
    assertThat(byMethod.keySet()).as("a mix of the API's calls").contains("POST", "GET", "PUT", "DELETE");
  }

  @Test
  void a_stage_nobody_serves_is_every_request_failed_for_its_connection() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    LoadReport.Summary summary = new LoadRun(URI.create("http://127.0.0.1:" + closed + "/prod")).run(10, Duration.ofSeconds(1));

    assertThat(summary.requests()).isEqualTo(10);
    assertThat(summary.failedByCause()).containsExactly(Map.entry("connection", 10L));
    assertThat(summary.byVersion()).isEmpty();
  }
}
