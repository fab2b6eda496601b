package dev.tap.handler;

import dev.tap.testsupport.DynaliteExtension;
import dev.tap.testsupport.Dynalite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynaliteExtension.class)
class ItemsCrudTest {

  private TestApi api;

  @BeforeEach
  void freshTable(Dynalite dynalite) {
    api = TestApi.on(dynalite);
  }

  @Test
  void post_creates_the_item_with_server_fields_and_answers_201_with_its_location() {
    TestApi.Response created = api.post("{\"name\":\"lamp\",\"color\":\"red\"}");

    JsonNode item = created.body();
    String id = item.path("id").asText();
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/items/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(item.path("name").asText()).isEqualTo("lamp");
    assertThat(item.path("color").asText()).isEqualTo("red");
    assertThat(item.path("version").asLong()).isEqualTo(1);
    assertThat(item.path("createdAt").asText()).isEqualTo("2025-03-01T10:00:00.000Z");
    assertThat(item.path("createdDate").asText()).isEqualTo("2025-03-01");
    assertThat(item.path("updatedAt").asText()).isEqualTo("2025-03-01T10:00:00.000Z");
    assertThat(api.get(id).body()).isEqualTo(item);
  }

  @Test
  void the_published_version_that_served_a_request_is_in_a_header_and_absent_without_a_context() {
    TestApi.Response served = api.call("POST", "/items", Map.of("Content-Type", "application/json"), null,
        "{\"name\":\"lamp\"}", new PublishedVersionContext("req-1", "7"));

    assertThat(served.status()).isEqualTo(201);
    assertThat(served.header("X-Tap-Function-Version")).isEqualTo("7");
    assertThat(api.post("{\"name\":\"desk\"}").header("X-Tap-Function-Version")).isNull();
  }

  @Test
  void values_of_every_json_type_are_stored_faithfully_and_numbers_keep_every_digit() {
    String body = """
        {"name": "all types", "price": 12345678901234567890.123456789, "count": 123456789012345678901234567890,
         "tiny": 1e-100, "negative": -0.5, "flag": true, "nothing": null, "empty": "",
         "nested": {"list": [1, "two", false, null, {"deep": [2.25]}], "map": {}}}
        """;

    String id = api.post(body).body().path("id").asText();
    JsonNode item = api.get(id).body();

    assertThat(item.path("price").decimalValue()).isEqualByComparingTo(new BigDecimal("12345678901234567890.123456789"));
    assertThat(item.path("count").decimalValue()).isEqualByComparingTo(new BigDecimal("123456789012345678901234567890"));
    assertThat(item.path("tiny").decimalValue()).isEqualByComparingTo(new BigDecimal("1e-100"));
    assertThat(item.path("negative").decimalValue()).isEqualByComparingTo("-0.5");
    assertThat(item.path("flag").booleanValue()).isTrue();
    assertThat(item.path("nothing").isNull()).isTrue();
    assertThat(item.path("empty").textValue()).isEmpty();
    assertThat(item.at("/nested/list/1").asText()).isEqualTo("two");
    assertThat(item.at("/nested/list/3").isNull()).isTrue();
    assertThat(item.at("/nested/list/4/deep/0").decimalValue()).isEqualByComparingTo("2.25");
    assertThat(item.at("/nested/map").isObject()).isTrue();
  }

  @Test
  void get_of_an_unknown_or_malformed_id_is_404() {
    assertThat(api.get("00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
    assertThat(api.get("not-a-uuid").status()).isEqualTo(404);
    assertThat(api.get("x".repeat(5000)).status()).isEqualTo(404);
  }

  @Test
  void put_replaces_user_fields_keeps_creation_fields_and_bumps_the_version() {
    String id = api.post("{\"name\":\"lamp\",\"color\":\"red\"}").body().path("id").asText();
    api.clock.set(Instant.parse("2025-03-02T08:30:00Z"));

    TestApi.Response replaced = api.put(id, "\"1\"", "{\"name\":\"desk lamp\",\"watts\":40}");

    JsonNode item = replaced.body();
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.header("ETag")).isEqualTo("\"2\"");
    assertThat(item.path("version").asLong()).isEqualTo(2);
    assertThat(item.path("name").asText()).isEqualTo("desk lamp");
    assertThat(item.has("color")).isFalse();
    assertThat(item.path("createdAt").asText()).isEqualTo("2025-03-01T10:00:00.000Z");
    assertThat(item.path("updatedAt").asText()).isEqualTo("2025-03-02T08:30:00.000Z");
    assertThat(api.get(id).body()).isEqualTo(item);
  }

  @Test
  void put_takes_the_version_from_the_body_when_there_is_no_if_match() {
    String id = api.create("lamp");

    TestApi.Response replaced = api.put(id, null, "{\"name\":\"lamp 2\",\"version\":1}");

    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.body().path("version").asLong()).isEqualTo(2);
  }

  @Test
  void put_with_a_stale_version_is_409_and_writes_nothing() {
    String id = api.create("lamp");
    api.put(id, "\"1\"", "{\"name\":\"second\"}");

    TestApi.Response stale = api.put(id, "\"1\"", "{\"name\":\"lost update\"}");

    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.body().at("/error/code").asText()).isEqualTo("Conflict");
    assertThat(api.get(id).body().path("name").asText()).isEqualTo("second");
    assertThat(api.get(id).body().path("version").asLong()).isEqualTo(2);
  }

  @Test
  void put_without_any_version_is_428_and_with_disagreeing_versions_is_400() {
    String id = api.create("lamp");

    assertThat(api.put(id, null, "{\"name\":\"x\"}").status()).isEqualTo(428);
    assertThat(api.put(id, "\"1\"", "{\"name\":\"x\",\"version\":2}").status()).isEqualTo(400);
    assertThat(api.put(id, "W/\"1\", \"2\"", "{\"name\":\"x\"}").status()).isEqualTo(400);
    assertThat(api.get(id).body().path("version").asLong()).isEqualTo(1);
  }

  @Test
  void put_of_a_missing_item_is_404() {
    assertThat(api.put("00000000-0000-0000-0000-000000000000", "\"1\"", "{\"name\":\"x\"}").status()).isEqualTo(404);
    assertThat(api.put("00000000-0000-0000-0000-000000000000", "*", "{\"name\":\"x\"}").status()).isEqualTo(404);
  }

  @Test
  void delete_removes_the_item_and_a_second_delete_is_404() {
    String id = api.create("lamp");

    TestApi.Response deleted = api.delete(id, null);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.rawBody()).isNull();
    assertThat(api.get(id).status()).isEqualTo(404);
    assertThat(api.delete(id, null).status()).isEqualTo(404);
  }

  @Test
  void delete_honours_if_match() {
    String id = api.create("lamp");

    assertThat(api.delete(id, "\"7\"").status()).isEqualTo(409);
    assertThat(api.get(id).status()).isEqualTo(200);
    assertThat(api.delete(id, "\"1\"").status()).isEqualTo(204);
    assertThat(api.get(id).status()).isEqualTo(404);
  }
}
