package dev.tap.handler;

import dev.tap.testsupport.DynaliteExtension;
import dev.tap.testsupport.Dynalite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

@ExtendWith(DynaliteExtension.class)
class ItemsFailuresTest {

  /** A DynamoDB client whose every call throws what the test chooses. */
  private static DynamoDbClient failing(RuntimeException failure) {
    return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
        new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
          throw failure;
        });
  }

  @Test
  void dynamodb_throttling_is_429_with_retry_after() {
    TestApi api = TestApi.over(failing(ProvisionedThroughputExceededException.builder()
        .message("rate exceeded").statusCode(400).build()));

    TestApi.Response response = api.get("00000000-0000-0000-0000-000000000000");

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.header("Retry-After")).isEqualTo("1");
    assertThat(response.body().at("/error/code").asText()).isEqualTo("TooManyRequests");
  }

  @Test
  void an_unexpected_failure_is_500_without_internals_and_logged_as_an_error() {
    TestApi api = TestApi.over(failing(new IllegalStateException("secret connection string")));

    TestApi.Response response = api.post("{\"name\":\"x\"}");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.rawBody()).doesNotContain("secret", "IllegalStateException");
    assertThat(response.body().at("/error/message").asText()).isEqualTo("an internal error occurred");
    assertThat(api.logLines()).singleElement().asString().contains("\"level\":\"ERROR\"", "\"status\":500");
    String requestId = response.body().at("/error/requestId").asText();
    assertThat(api.errorOutput()).contains("request " + requestId + " failed:")
        .contains("java.lang.IllegalStateException").contains("\tat ").doesNotContain("\"name\"");
  }

  @Test
  void every_request_logs_one_json_line_without_bodies(Dynalite dynalite) throws Exception {
    TestApi api = TestApi.on(dynalite);

    api.post("{\"name\":\"top secret name\"}");
    api.call("BREW", "/coffee", null, null, null);

    List<String> lines = api.logLines();
    assertThat(lines).hasSize(2);
    JsonNode created = Json.parse(lines.get(0).getBytes(StandardCharsets.UTF_8));
    assertThat(created.path("method").asText()).isEqualTo("POST");
    assertThat(created.path("route").asText()).isEqualTo("POST /items");
    assertThat(created.path("status").asInt()).isEqualTo(201);
    assertThat(created.path("latencyMs").isNumber()).isTrue();
    assertThat(created.path("requestId").asText()).isNotEmpty();
    assertThat(Json.parse(lines.get(1).getBytes(StandardCharsets.UTF_8)).path("route").asText()).isEqualTo("unmatched");
    assertThat(String.join("\n", lines)).doesNotContain("top secret");
  }

  @Test
  void two_updates_with_the_same_version_at_once_give_exactly_one_200_and_one_409(Dynalite dynalite)
      throws Exception {
    TestApi api = TestApi.on(dynalite);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        String id = api.create("contended");
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> update = () -> {
          start.await();
          return api.put(id, "\"1\"", "{\"name\":\"winner\"}").status();
        };
        Future<Integer> first = pool.submit(update);
        Future<Integer> second = pool.submit(update);
        start.countDown();

        assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(200, 409);
        assertThat(api.get(id).body().path("version").asLong()).isEqualTo(2);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_function_without_table_name_fails_at_init_with_a_clear_message() {
    assertThatThrownBy(() -> HandlerConfig.fromEnvironment(Map.of("AWS_REGION", "us-east-1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TABLE_NAME is not set");
    assertThat(HandlerConfig.fromEnvironment(Map.of("TABLE_NAME", "t")).indexName()).isEqualTo("createdAt-index");
  }
}
