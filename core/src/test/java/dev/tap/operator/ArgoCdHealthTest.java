package dev.tap.operator;

import static dev.tap.operator.OperatorHarness.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * deploy/argocd's health check, run by a real Lua 5.1 interpreter (Argo CD's gopher-lua is Lua 5.1):
 * against its health_test.yaml cases, as Argo CD's own tests of built-in checks run, and against
 * statuses the operator writes.
 */
@OperatorTest
class ArgoCdHealthTest {

  static KubernetesClient client;

  private static final Path CHECK = Path.of("..", "deploy", "argocd", "resource_customizations", "serverless.tap.dev",
      "ServerlessApi");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir
  Path dir;

  record Health(String status, String message) {}

  static List<JsonNode> cases() throws IOException {
    JsonNode tests = YAML.readTree(CHECK.resolve("health_test.yaml").toFile()).path("tests");
    return StreamSupport.stream(tests.spliterator(), false).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void each_recorded_case_gets_its_health(JsonNode test) throws Exception {
    JsonNode input = YAML.readTree(CHECK.resolve(test.path("inputPath").asText()).toFile());

    assertThat(health(input)).isEqualTo(new Health(test.at("/healthStatus/status").asText(),
        test.at("/healthStatus/message").asText()));
  }

  @Test
  void what_the_operator_writes_reads_healthy_when_ready_and_degraded_when_a_human_must_act() throws Exception {
    try (OperatorHarness operator = OperatorHarness.start(client)) {
      operator.create(sample("dev.yaml", "argo", api -> api));
      ServerlessApi ready = operator.awaitCondition("argo", Conditions.READY, Conditions.TRUE);
      assertThat(health(live(ready)).status()).isEqualTo("Healthy");

      operator.aws.lambda(OperatorHarness.REGION).untagResource(r -> r.resource(ready.getStatus().getFunction().getArn())
          .tagKeys("tap.dev/owner"));
      operator.reconcileOnceMore("argo");
      ServerlessApi terminal = operator.awaitCondition("argo", Conditions.TERMINAL, Conditions.TRUE);
      assertThat(health(live(terminal))).isEqualTo(new Health("Degraded",
          OperatorHarness.condition(terminal, Conditions.TERMINAL).orElseThrow().getMessage()));
    }
  }

  private static JsonNode live(ServerlessApi api) {
    return Serialization.jsonMapper().valueToTree(api);
  }

  private Health health(JsonNode object) throws Exception {
    Path script = dir.resolve("run.lua");
    Files.writeString(script, "obj = " + lua(object) + "\nlocal hs = dofile(" + lua(YAML.getNodeFactory()
        .textNode(CHECK.resolve("health.lua").toAbsolutePath().toString())) + ")\nio.write(hs.status, \"\\n\", hs.message or \"\")\n");
    Process lua = new ProcessBuilder("lua5.1", script.toString()).redirectErrorStream(true).start();
    String out = new String(lua.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(lua.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(lua.exitValue()).as(out).isZero();
    String[] lines = out.split("\n", 2);
    return new Health(lines[0], lines.length > 1 ? lines[1] : "");
  }

  /** A JSON value as a Lua table constructor, as Argo CD hands the object to the script. */
  static String lua(JsonNode node) {
    if (node.isObject()) {
      StringBuilder table = new StringBuilder("{");
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!field.getValue().isNull()) {
          table.append('[').append(lua(YAML.getNodeFactory().textNode(field.getKey()))).append("]=")
              .append(lua(field.getValue())).append(',');
        }
      }
      return table.append('}').toString();
    }
    if (node.isArray()) {
      StringBuilder table = new StringBuilder("{");
      node.forEach(element -> table.append(lua(element)).append(','));
      return table.append('}').toString();
    }
    if (node.isNumber() || node.isBoolean()) {
      return node.asText();
    }
    if (node.isNull()) {
      return "nil";
    }
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : node.asText().toCharArray()) {
      quoted.append(switch (c) {
        case '"' -> "\\\"";
        case '\\' -> "\\\\";
        case '\n' -> "\\n";
        case '\r' -> "\\r";
        default -> c < 32 ? String.format("\\%03d", (int) c) : String.valueOf(c);
      });
    }
    return quoted.append('"').toString();
  }
}
