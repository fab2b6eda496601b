package dev.tap.operator.sandbox.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StageRoutesTest {

  private final StageRoutes routes = new StageRoutes(Map.of(
      "/items", Map.of("GET", "list", "POST", "create"),
      "/items/{id}", Map.of("GET", "read", "DELETE", "delete"),
      "/items/latest", Map.of("GET", "latest"),
      "/files/{path+}", Map.of(StageRoutes.ANY, "files")));

  @Test
  void a_path_matches_its_resource_with_its_parameters() {
    var match = routes.match("GET", "/items/abc").orElseThrow();

    assertThat(match.resource()).isEqualTo("/items/{id}");
    assertThat(match.pathParameters()).containsExactly(Map.entry("id", "abc"));
    assertThat(match.integrationUri()).isEqualTo("read");
  }

  @Test
  void a_literal_segment_wins_over_a_parameter_and_a_greedy_parameter_takes_the_rest() {
    assertThat(routes.match("GET", "/items/latest").orElseThrow().integrationUri()).isEqualTo("latest");
    var files = routes.match("PATCH", "/files/a/b/c.txt").orElseThrow();
    assertThat(files.pathParameters()).containsExactly(Map.entry("path", "a/b/c.txt"));
  }

  @Test
  void an_unknown_path_or_an_undeclared_method_matches_nothing() {
    assertThat(routes.match("GET", "/nope")).isEmpty();
    assertThat(routes.match("GET", "/items/a/b")).isEmpty();
    assertThat(routes.match("PUT", "/items")).isEmpty();
    assertThat(routes.match("GET", "/files")).isEmpty();
  }
}
