package dev.tap.operator.restapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tap.operator.naming.Digest;
import java.util.List;

/**
 * The REST API as one OpenAPI document: {@code /items} and {@code /items/{id}}, every method the
 * handler serves (CORS preflight included: the handler answers OPTIONS), each a Lambda proxy
 * integration on the alias, so that a rollout never changes the API. Pure: the same alias gives the
 * same bytes and the same hash.
 */
public record ApiDefinition(String json, String hash) {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> COLLECTION_METHODS = List.of("get", "post", "options");
  static final List<String> ITEM_METHODS = List.of("get", "put", "delete", "options");

  public static ApiDefinition of(String title, String region, String aliasArn) {
    ObjectNode document = JSON.createObjectNode().put("openapi", "3.0.1");
    document.putObject("info").put("title", title).put("version", "1");
    ObjectNode paths = document.putObject("paths");
    String uri = "arn:aws:apigateway:" + region + ":lambda:path/2015-03-31/functions/" + aliasArn + "/invocations";
    ObjectNode collection = paths.putObject("/items");
    COLLECTION_METHODS.forEach(method -> operation(collection.putObject(method), uri, false));
    ObjectNode item = paths.putObject("/items/{id}");
    ITEM_METHODS.forEach(method -> operation(item.putObject(method), uri, true));
    String json = document.toString();
    return new ApiDefinition(json, Digest.shortSha256(json));
  }

  private static void operation(ObjectNode operation, String uri, boolean withId) {
    if (withId) {
      ArrayNode parameters = operation.putArray("parameters");
      parameters.addObject().put("name", "id").put("in", "path").put("required", true).putObject("schema")
          .put("type", "string");
    }
    // OpenAPI requires at least one response; the proxy integration passes the handler's own through.
    operation.putObject("responses").putObject("200").put("description", "the handler's response");
    operation.putObject("x-amazon-apigateway-integration").put("type", "aws_proxy").put("httpMethod", "POST")
        .put("uri", uri).put("passthroughBehavior", "when_no_match");
  }
}
