package dev.tap.operator.sandbox.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady load on the items API at {@code url} (a stage's URL, such as {@code http://127.0.0.1:PORT/prod}):
 * {@code rps} requests a second for {@code duration}, sent on schedule whether or not earlier ones have
 * answered (an open model, as users arrive), in a mix of the API's calls on items the run creates:
 * create, read, replace, list, delete. Which version served each is read from the handler's
 * {@code X-Tap-Function-Version} header.
 */
public final class LoadRun {

  static final String VERSION_HEADER = "X-Tap-Function-Version";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final URI items;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ConcurrentLinkedDeque<String> created = new ConcurrentLinkedDeque<>();
  private final AtomicLong sent = new AtomicLong();
  private final LoadReport report = new LoadReport();

  public LoadRun(URI url) {
    String base = url.toString().endsWith("/") ? url.toString() : url + "/";
    this.items = URI.create(base + "items");
  }

  /** Runs the load and answers its figures once every request sent has answered or timed out. */
  public LoadReport.Summary run(int rps, Duration duration) throws InterruptedException {
    if (rps < 1 || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("--rps must be at least 1 and --duration positive");
    }
    List<CompletableFuture<Void>> inFlight = new CopyOnWriteArrayList<>();
    long total = Math.max(1, rps * duration.toMillis() / 1000);
    CountDownLatch allSent = new CountDownLatch(1);
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    try {
      clock.scheduleAtFixedRate(() -> {
        long n = sent.getAndIncrement();
        if (n < total) {
          inFlight.add(next(n));
        } else {
          allSent.countDown();
        }
      }, 0, 1_000_000_000L / rps, TimeUnit.NANOSECONDS);
      allSent.await();
    } finally {
      clock.shutdownNow();
    }
    try {
      CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(REQUEST_TIMEOUT.toSeconds() * 2,
          TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // every request records its own outcome; the figures are what was seen
    }
    return report.summary();
  }

  /** The {@code n}-th request of the mix; without an item to work on yet, a create. */
  private CompletableFuture<Void> next(long n) {
    int kind = (int) (n % 5);
    // A request takes its item out of the pool until it answers (a read or replace puts it back): a delete
    // never races a read of the same item, which would count the load's own race as a 404.
    Optional<String> item = Optional.ofNullable(kind == 4 ? created.pollFirst()
        : kind == 1 || kind == 2 ? created.pollLast() : null);
    if ((kind == 1 || kind == 2 || kind == 4) && item.isEmpty()) {
      kind = 0;
    }
    HttpRequest.Builder request = HttpRequest.newBuilder().timeout(REQUEST_TIMEOUT);
    String one = items + "/" + item.orElse("");
    switch (kind) {
      case 1 -> request.uri(URI.create(one)).GET();
      // the API refuses a blind replace (428): If-Match * replaces whatever version the item has
      case 2 -> request.uri(URI.create(one)).header("Content-Type", "application/json").header("If-Match", "*")
          .PUT(body(n));
      case 3 -> request.uri(URI.create(items + "?limit=10")).GET();
      case 4 -> request.uri(URI.create(one)).DELETE();
      default -> request.uri(items).header("Content-Type", "application/json").POST(body(n));
    }
    Optional<String> returned = kind == 1 || kind == 2 ? item : Optional.empty();
    long started = System.nanoTime();
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
      long micros = (System.nanoTime() - started) / 1000;
      if (failure != null) {
        report.failed(cause(failure), micros);
      } else {
        report.served(response.statusCode(), micros, response.headers().firstValue(VERSION_HEADER).orElse(null));
        remember(response);
        if (returned.isPresent() && response.statusCode() != 404) {
          created.addLast(returned.get());
        }
      }
      return null;
    });
  }

  private void remember(HttpResponse<String> response) {
    if (response.statusCode() == 201) {
      try {
        JsonNode item = JSON.readTree(response.body());
        if (item.hasNonNull("id")) {
          created.addLast(item.get("id").asText());
        }
      } catch (IOException e) {
        // a created item we cannot read is one fewer to work on, not a failure of the load
      }
    }
  }

  private static HttpRequest.BodyPublisher body(long n) {
    return HttpRequest.BodyPublishers.ofString("{\"name\":\"load-" + n + "\",\"color\":\"grey\"}");
  }

  private static String cause(Throwable failure) {
    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
    if (cause instanceof HttpTimeoutException) {
      return "timeout";
    }
    return cause instanceof ConnectException || cause instanceof IOException ? "connection" : cause.getClass().getSimpleName();
  }
}
