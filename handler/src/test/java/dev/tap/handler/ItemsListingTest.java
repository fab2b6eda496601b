package dev.tap.handler;

import dev.tap.testsupport.DynaliteExtension;
import dev.tap.testsupport.Dynalite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(DynaliteExtension.class)
class ItemsListingTest {

  private TestApi api;

  @BeforeEach
  void freshTable(Dynalite dynalite) {
    api = TestApi.on(dynalite);
  }

  /** Follows nextToken from the first page to the last and returns every id seen, in order. */
  private List<String> allPages(Map<String, String> query) {
    List<String> ids = new ArrayList<>();
    String token = null;
    do {
      Map<String, String> pageQuery = new HashMap<>(query);
      if (token != null) {
        pageQuery.put("nextToken", token);
      }
      TestApi.Response page = api.list(pageQuery);
      assertThat(page.status()).isEqualTo(200);
      page.body().path("items").forEach(item -> ids.add(item.path("id").asText()));
      JsonNode next = page.body().path("nextToken");
      token = next.isNull() ? null : next.asText();
    } while (token != null);
    return ids;
  }

  @Test
  void hundreds_of_items_listed_page_by_page_appear_exactly_once() {
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      created.add(api.create("item " + i));
    }

    List<String> listed = allPages(Map.of("limit", "7"));

    assertThat(listed).hasSize(300).doesNotHaveDuplicates();
    assertThat(new HashSet<>(listed)).isEqualTo(created);
  }

  @Test
  void the_default_page_holds_25_items() {
    for (int i = 0; i < 30; i++) {
      api.create("item " + i);
    }

    JsonNode page = api.list(null).body();

    assertThat(page.path("items")).hasSize(25);
    assertThat(page.path("nextToken").isTextual()).isTrue();
  }

  @Test
  void listing_a_day_goes_through_the_index_newest_first() {
    List<String> sameDay = new ArrayList<>();
    for (int minute = 0; minute < 12; minute++) {
      api.clock.set(Instant.parse("2025-03-01T10:00:00Z").plusSeconds(minute * 60L));
      sameDay.add(api.create("day one " + minute));
    }
    api.clock.set(Instant.parse("2025-03-02T00:00:00Z"));
    api.create("day two");

    List<String> listed = allPages(Map.of("createdDate", "2025-03-01", "limit", "5"));

    Collections.reverse(sameDay);
    assertThat(listed).containsExactlyElementsOf(sameDay);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "101", "-1", "ten", "1.5", ""})
  void a_limit_outside_1_to_100_is_400(String limit) {
    TestApi.Response response = api.list(Map.of("limit", limit));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().at("/error/message").asText()).contains("'limit'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-02-30", "2025-3-1", "yesterday", "2025-03-01T00:00:00Z"})
  void a_bad_created_date_is_400(String day) {
    TestApi.Response response = api.list(Map.of("createdDate", day));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().at("/error/message").asText()).contains("'createdDate'");
  }

  @Test
  void forged_corrupted_or_misused_tokens_are_400_never_500() {
    for (int i = 0; i < 4; i++) {
      api.create("item " + i);
    }
    String token = api.list(Map.of("limit", "2")).body().path("nextToken").asText();
    String dayToken = api.list(Map.of("limit", "2", "createdDate", "2025-03-01")).body().path("nextToken").asText();
    String payload = token.substring(0, token.indexOf('.'));
    String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"s\":\"all\",\"k\":{\"id\":\"x\"}}".getBytes());

    List<String> badTokens = List.of(
        token.substring(0, token.length() - 2),
        token + "A",
        payload,
        forgedPayload + token.substring(token.indexOf('.')),
        "not a token",
        "....",
        "%%%.###",
        "x".repeat(10_000));
    for (String bad : badTokens) {
      TestApi.Response response = api.list(Map.of("nextToken", bad));
      assertThat(response.status()).as(bad).isEqualTo(400);
    }
    assertThat(api.list(Map.of("nextToken", dayToken)).status()).isEqualTo(400);
    assertThat(api.list(Map.of("nextToken", dayToken, "createdDate", "2025-03-02")).status()).isEqualTo(400);
    assertThat(api.list(Map.of("nextToken", token, "createdDate", "2025-03-01")).status()).isEqualTo(400);
    assertThat(api.list(Map.of("nextToken", token)).status()).isEqualTo(200);
  }
}
