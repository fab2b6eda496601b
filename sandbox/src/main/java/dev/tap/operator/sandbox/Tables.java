package dev.tap.operator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/**
 * Server-side meta.k8s.io/v1 Tables, as kubectl asks for them ({@code Accept: ...;as=Table}): the
 * ServerlessApi's printer columns from its CRD, and the columns kubectl shows for Events.
 */
final class Tables {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A column: name, type, priority (1: only with -o wide), and its cells. */
  private record Column(String name, String type, int priority) {}

  private final PrinterColumns printerColumns;

  Tables(PrinterColumns printerColumns) {
    this.printerColumns = printerColumns;
  }

  JsonNode serverlessApis(JsonNode body) {
    List<Column> columns = java.util.stream.StreamSupport.stream(printerColumns.definitions().spliterator(), false)
        .map(c -> new Column(c.path("name").asText(), c.path("type").asText("string"), c.path("priority").asInt(0)))
        .toList();
    return table(body, columns, printerColumns::cells);
  }

  JsonNode events(JsonNode body) {
    List<Column> columns = List.of(new Column("Last Seen", "string", 0), new Column("Type", "string", 0),
        new Column("Reason", "string", 0), new Column("Object", "string", 0), new Column("Count", "integer", 1),
        new Column("Message", "string", 0));
    return table(body, columns, e -> List.of(printerColumns.age(e.path("lastTimestamp").asText(null)),
        e.path("type").asText(""), e.path("reason").asText(""),
        e.at("/involvedObject/kind").asText("").toLowerCase() + "/" + e.at("/involvedObject/name").asText(""),
        e.path("count").asText("1"), e.path("message").asText("")));
  }

  private static JsonNode table(JsonNode body, List<Column> columns, Function<JsonNode, List<String>> cellsOf) {
    ObjectNode table = JSON.createObjectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    table.putObject("metadata").put("resourceVersion", body.at("/metadata/resourceVersion").asText(""));
    ArrayNode definitions = table.putArray("columnDefinitions");
    definitions.addObject().put("name", "Name").put("type", "string").put("format", "name").put("priority", 0)
        .put("description", "Name of the resource");
    columns.forEach(c -> definitions.addObject().put("name", c.name()).put("type", c.type()).put("format", "")
        .put("priority", c.priority()).put("description", c.name()));
    ArrayNode rows = table.putArray("rows");
    JsonNode items = body.has("items") ? body.get("items") : JSON.createArrayNode().add(body);
    for (JsonNode item : items) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      cells.add(item.at("/metadata/name").asText());
      cellsOf.apply(item).forEach(cells::add);
      ObjectNode object = row.putObject("object").put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
      object.set("metadata", item.path("metadata"));
    }
    return table;
  }
}
