package dev.tap.handler;

import dev.tap.testsupport.DynaliteExtension;
import dev.tap.testsupport.Dynalite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(DynaliteExtension.class)
class ItemsValidationTest {

  private TestApi api;

  @BeforeEach
  void freshTable(Dynalite dynalite) {
    api = TestApi.on(dynalite);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      {"color":"red"}                          | field 'name' is required
      {"name":null}                            | field 'name' is required
      {"name":42}                              | field 'name' must be a string
      {"name":""}                              | field 'name' must be 1 to 256 characters long
      {"name":"x","id":"mine"}                 | field 'id' is set by the server
      {"name":"x","version":3}                 | field 'version' is set by the server
      {"name":"x","createdAt":"2020"}          | field 'createdAt' is set by the server
      {"name":"x","updatedAt":"2020"}          | field 'updatedAt' is set by the server
      {"name":"x","createdDate":"2020-01-01"}  | field 'createdDate' is set by the server
      {"name":"x","big":1e200}                 | field 'big' is a number DynamoDB cannot store
      {"name":"x","a":{"b":[1e-200]}}          | field 'a.b[0]' is a number DynamoDB cannot store
      {"name":"x","":1}                        | field names must not be empty
      {"name":"x","name":"y"}                  | malformed JSON
      {"name":"x"                              | malformed JSON
      [{"name":"x"}]                           | the body must be a JSON object
      "just a string"                          | the body must be a JSON object
      {"name":"x"} trailing                    | malformed JSON
      """)
  void bad_input_is_400_with_a_message_that_names_the_field(String body, String message) {
    TestApi.Response response = api.post(body);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().at("/error/code").asText()).isEqualTo("BadRequest");
    assertThat(response.body().at("/error/message").asText()).contains(message);
    assertThat(api.list(null).body().path("items")).isEmpty();
  }

  @Test
  void names_of_256_characters_are_accepted_and_257_are_not() {
    assertThat(api.post("{\"name\":\"" + "n".repeat(256) + "\"}").status()).isEqualTo(201);
    assertThat(api.post("{\"name\":\"" + "n".repeat(257) + "\"}").status()).isEqualTo(400);
  }

  @Test
  void documents_nested_deeper_than_dynamodb_allows_are_400() {
    String deep = "{\"a\":".repeat(33) + "1" + "}".repeat(33);

    TestApi.Response response = api.post("{\"name\":\"x\",\"d\":" + deep + "}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().at("/error/message").asText()).contains("nested deeper than 32");
  }

  @Test
  void a_body_over_64_kib_is_413() {
    String big = "{\"name\":\"x\",\"blob\":\"" + "a".repeat(64 * 1024) + "\"}";

    assertThat(api.post(big).status()).isEqualTo(413);
  }

  @Test
  void a_base64_body_is_decoded_and_its_size_checked_after_decoding() {
    String body = Base64.getEncoder().encodeToString("{\"name\":\"encoded\"}".getBytes());
    var event = new com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent()
        .withHttpMethod("POST").withPath("/items").withHeaders(Map.of("content-type", "application/json"))
        .withBody(body).withIsBase64Encoded(true);

    assertThat(api.handler.handleRequest(event, null).getStatusCode()).isEqualTo(201);
    assertThat(api.handler.handleRequest(event.withBody("!!not base64!!"), null).getStatusCode()).isEqualTo(400);
  }

  @Test
  void a_body_that_is_not_json_is_415() {
    TestApi.Response text = api.call("POST", "/items", Map.of("Content-Type", "text/plain"), null, "{\"name\":\"x\"}");
    TestApi.Response untyped = api.call("POST", "/items", Map.of(), null, "{\"name\":\"x\"}");
    TestApi.Response charset = api.call("POST", "/items",
        Map.of("content-type", "application/json; charset=utf-8"), null, "{\"name\":\"x\"}");

    assertThat(text.status()).isEqualTo(415);
    assertThat(untyped.status()).isEqualTo(415);
    assertThat(charset.status()).isEqualTo(201);
  }

  @Test
  void a_missing_body_is_400() {
    assertThat(api.call("POST", "/items", Map.of("Content-Type", "application/json"), null, null).status())
        .isEqualTo(400);
  }

  @Test
  void unknown_paths_are_404_other_methods_405_with_allow_and_options_a_cors_preflight() {
    TestApi.Response unknown = api.call("GET", "/users", null, null, null);
    TestApi.Response nested = api.call("GET", "/items/a/b", null, null, null);
    TestApi.Response patch = api.call("PATCH", "/items", null, null, null);
    TestApi.Response postItem = api.call("POST", "/items/00000000-0000-0000-0000-000000000000", null, null, null);
    TestApi.Response options = api.call("OPTIONS", "/items", Map.of("Origin", "https://example.com"), null, null);

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(nested.status()).isEqualTo(404);
    assertThat(patch.status()).isEqualTo(405);
    assertThat(patch.header("Allow")).isEqualTo("GET, POST, OPTIONS");
    assertThat(postItem.status()).isEqualTo(405);
    assertThat(postItem.header("Allow")).isEqualTo("GET, PUT, DELETE, OPTIONS");
    assertThat(options.status()).isEqualTo(204);
    assertThat(options.header("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(options.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST, OPTIONS");
    assertThat(options.header("Access-Control-Allow-Headers")).contains("Content-Type", "If-Match");
  }
}
