package dev.tap.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tap.operator.validation.CrdSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrdTest {

  private final JsonNode crd = CrdSchema.load().crd();

  @Test
  void the_committed_crd_is_the_generated_one() throws IOException {
    String generated = new String(CrdTest.class.getResourceAsStream(CrdSchema.RESOURCE).readAllBytes());
    String committed = Files.readString(Path.of("..", "crds", "serverlessapis.serverless.tap.dev-v1.yml"));

    assertThat(committed).isEqualTo(generated);
  }

  @Test
  void kubectl_shows_ready_env_version_endpoint_and_age_in_that_order() {
    JsonNode version = crd.at("/spec/versions/0");
    List<String> columns = new ArrayList<>();
    version.path("additionalPrinterColumns").forEach(c -> {
      if (c.path("priority").asInt() == 0) {
        columns.add(c.path("name").asText());
      }
    });

    assertThat(columns).containsExactly("READY", "ENV", "VERSION", "ENDPOINT", "AGE");
    assertThat(crd.at("/spec/names/shortNames/0").asText()).isEqualTo("sapi");
    assertThat(crd.at("/spec/scope").asText()).isEqualTo("Namespaced");
    assertThat(version.at("/subresources/status").isObject()).isTrue();
  }

  @Test
  void every_list_and_map_with_a_rule_is_bounded_so_the_api_server_accepts_the_rule_cost() {
    List<String> unbounded = new ArrayList<>();
    collectUnboundedRuleTargets(crd.at("/spec/versions/0/schema/openAPIV3Schema"), "", unbounded);

    assertThat(unbounded).isEmpty();
  }

  private static void collectUnboundedRuleTargets(JsonNode schema, String path, List<String> out) {
    boolean hasRules = schema.has("x-kubernetes-validations");
    if (hasRules && "array".equals(schema.path("type").asText()) && !schema.has("maxItems")) {
      out.add(path);
    }
    if (hasRules && schema.has("additionalProperties") && !schema.has("maxProperties")) {
      out.add(path);
    }
    schema.path("properties").fields().forEachRemaining(e -> collectUnboundedRuleTargets(e.getValue(), path + "." + e.getKey(), out));
    if (schema.has("items")) {
      collectUnboundedRuleTargets(schema.get("items"), path + "[]", out);
    }
  }
}
