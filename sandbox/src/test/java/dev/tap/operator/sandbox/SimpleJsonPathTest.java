package dev.tap.operator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SimpleJsonPathTest {

  private final JsonNode resource = read("""
      {"spec": {"environment": "prod"},
       "status": {"conditions": [{"type": "ACK.ResourceSynced", "status": "False"}, {"type": "Ready", "status": "True"}]}}
      """);

  private static JsonNode read(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void fields_and_filters_resolve_like_kubectl_printer_columns() {
    assertThat(SimpleJsonPath.read(resource, ".spec.environment").asText()).isEqualTo("prod");
    assertThat(SimpleJsonPath.read(resource, ".status.conditions[?(@.type==\"Ready\")].status").asText()).isEqualTo("True");
    assertThat(SimpleJsonPath.read(resource, ".status.conditions[?(@.type==\"ACK.ResourceSynced\")].status").asText())
        .isEqualTo("False");
  }

  @Test
  void absent_fields_and_unmatched_filters_are_missing() {
    assertThat(SimpleJsonPath.read(resource, ".status.api.invokeUrl").isMissingNode()).isTrue();
    assertThat(SimpleJsonPath.read(resource, ".status.conditions[?(@.type==\"Terminal\")].status").isMissingNode()).isTrue();
    assertThat(SimpleJsonPath.read(resource, "spec").isMissingNode()).isTrue();
  }
}
