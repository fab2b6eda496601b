package dev.tap.operator.sandbox.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tap.testsupport.Dynalite;
import dev.tap.testsupport.DynaliteExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The packaged handler, run through Lambda's Java runtime interface client against dynalite. */
@ExtendWith(DynaliteExtension.class)
class ExecutionEnvironmentTest {

  private static final Path HANDLER_JAR = Path.of("..", "handler", "target", "tap-handler.jar");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Test
  void serves_api_gateway_events_warm_after_one_cold_start_and_starts_afresh_after_a_timeout(Dynalite dynalite)
      throws Exception {
    assertThat(HANDLER_JAR).as("the handler module's shaded jar, built before this module's tests").exists();
    Dynalite.createItemsTable(dynalite.client(), "runtime-items", "createdAt-index");
    FunctionConfig function = new FunctionConfig("items", "1", HANDLER_JAR, "dev.tap.handler.ItemsHandler::handleRequest",
        512, "us-east-1", Map.of("TABLE_NAME", "runtime-items",
            "AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString()));

    try (ExecutionEnvironment environment = new ExecutionEnvironment(function,
        new RoleCredentials("test", "test", "token"))) {
      long coldStarted = System.nanoTime();
      JsonNode created = call(environment, event("POST", "/items", "{\"name\":\"lamp\"}"), TIMEOUT);
      long coldMs = (System.nanoTime() - coldStarted) / 1_000_000;
      assertThat(created.path("statusCode").asInt()).as("%s, log %s", created, environment.log()).isEqualTo(201);
      String id = JSON.readTree(created.path("body").asText()).path("id").asText();
      long pid = environment.processId();

      long warmStarted = System.nanoTime();
      JsonNode fetched = call(environment, event("GET", "/items/" + id, null), TIMEOUT);
      long warmMs = (System.nanoTime() - warmStarted) / 1_000_000;
      assertThat(fetched.path("statusCode").asInt()).isEqualTo(200);
      assertThat(JSON.readTree(fetched.path("body").asText()).path("name").asText()).isEqualTo("lamp");
      assertThat(environment.processId()).as("a warm invoke reuses the process").isEqualTo(pid);
      assertThat(environment.coldStarts()).isEqualTo(1);
      System.out.printf("cold start %d ms (init %d ms), warm invoke %d ms%n", coldMs,
          environment.lastColdStart().toMillis(), warmMs);

      InvocationResult timedOut = environment.invoke(event("GET", "/items/" + id, null), Duration.ofMillis(1));
      assertThat(timedOut.errorType()).isEqualTo("Sandbox.Timedout");
      assertThat(timedOut.payload()).contains("Task timed out after 0.00 seconds");
      assertThat(environment.processId()).isNull();
      await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));

      JsonNode again = call(environment, event("GET", "/items/" + id, null), TIMEOUT);
      assertThat(again.path("statusCode").asInt()).isEqualTo(200);
      assertThat(environment.processId()).isNotEqualTo(pid);
      assertThat(environment.coldStarts()).isEqualTo(2);
    }
  }

  @Test
  void a_function_that_cannot_initialize_reports_its_init_error_and_is_not_kept() throws Exception {
    FunctionConfig function = new FunctionConfig("no-table", "$LATEST", HANDLER_JAR,
        "dev.tap.handler.ItemsHandler::handleRequest", 256, "us-east-1", Map.of());

    try (ExecutionEnvironment environment = new ExecutionEnvironment(function,
        new RoleCredentials("test", "test", "token"))) {
      InvocationResult result = environment.invoke(event("GET", "/items", null), TIMEOUT);

      assertThat(result.failed()).isTrue();
      assertThat(result.payload()).as("log %s", environment.log()).contains("TABLE_NAME is not set");
      assertThat(environment.processId()).isNull();
    }
  }

  private static JsonNode call(ExecutionEnvironment environment, String event, Duration timeout) throws Exception {
    InvocationResult result = environment.invoke(event, timeout);
    assertThat(result.failed()).as("%s, log %s", result, environment.log()).isFalse();
    return JSON.readTree(result.payload());
  }

  private static String event(String method, String path, String body) {
    ObjectNode event = JSON.createObjectNode().put("httpMethod", method).put("path", path).put("body", body)
        .put("isBase64Encoded", false);
    event.putObject("headers").put("Content-Type", "application/json");
    event.putObject("requestContext").put("requestId", "sandbox-" + System.nanoTime());
    return event.toString();
  }
}
