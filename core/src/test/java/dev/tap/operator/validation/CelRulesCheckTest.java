package dev.tap.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tap.operator.Samples;
import org.junit.jupiter.api.Test;

class CelRulesCheckTest {

  /** A small CRD schema: spec with an int, a string, a number, a list of objects and a map. */
  private static final String SCHEMA = """
      type: object
      properties:
        metadata: {type: object}
        spec:
          type: object
          properties:
            minCapacity: {type: integer}
            name: {type: string}
            ratio: {type: number}
            indexes:
              type: array
              maxItems: 5
              items:
                type: object
                properties:
                  indexName: {type: string}
            tags:
              type: object
              maxProperties: 5
              additionalProperties: {type: string}
      """;

  private static JsonNode schemaWithRule(String rule) {
    ObjectNode schema = (ObjectNode) Samples.parse(SCHEMA);
    ((ObjectNode) schema.at("/properties/spec")).putArray("x-kubernetes-validations").addObject()
        .put("rule", rule).put("message", "broken");
    return schema;
  }

  @Test
  void rules_with_type_errors_are_refused_as_the_api_server_refuses_the_crd() {
    assertThatThrownBy(() -> new CelRulesCheck(schemaWithRule("self.minCapacity <= 'x'")))
        .hasMessageContaining("spec: ").hasMessageContaining("found no matching overload for '_<=_' applied to '(int, string)'");
    assertThatThrownBy(() -> new CelRulesCheck(schemaWithRule("self.maxCapacity > 0")))
        .hasMessageContaining("undefined field 'maxCapacity'");
    assertThatThrownBy(() -> new CelRulesCheck(schemaWithRule("has(self.nme)")))
        .hasMessageContaining("undefined field 'nme'");
    assertThatThrownBy(() -> new CelRulesCheck(schemaWithRule("self.indexes.all(i, i.indexName > 1)")))
        .hasMessageContaining("applied to '(string, int)'");
    assertThatThrownBy(() -> new CelRulesCheck(schemaWithRule("self.tags.all(k, self.tags[k] == 2)")))
        .hasMessageContaining("applied to '(string, int)'");
  }

  @Test
  void well_typed_rules_compile_and_judge_values() {
    CelRulesCheck check = new CelRulesCheck(schemaWithRule(
        "has(self.name) && self.minCapacity >= 1 && self.ratio > 0 && self.indexes.all(i, i.indexName != self.name)"
            + " && self.tags.all(k, self.tags[k] != '')"));
    JsonNode good = Samples.parse("{spec: {name: a, minCapacity: 1, ratio: 0.5, indexes: [{indexName: b}], tags: {t: v}}}");
    JsonNode bad = Samples.parse("{spec: {name: a, minCapacity: 1, ratio: 0.5, indexes: [{indexName: a}], tags: {t: v}}}");

    assertThat(check.check(good, null)).isEmpty();
    assertThat(check.check(bad, null)).containsExactly(new Violation("spec", "broken"));
  }

  @Test
  void the_roots_metadata_offers_name_and_generate_name_only() {
    JsonNode rootRule = Samples.parse("""
        type: object
        properties:
          metadata: {type: object}
        x-kubernetes-validations:
          - rule: "self.metadata.name.size() < 60 && !has(self.metadata.labels)"
        """);

    assertThatThrownBy(() -> new CelRulesCheck(rootRule)).hasMessageContaining("undefined field 'labels'");
  }

  @Test
  void every_rule_of_the_generated_crd_type_checks() {
    assertThatCode(() -> new CelRulesCheck(CrdSchema.load().openApiSchema())).doesNotThrowAnyException();
  }
}
