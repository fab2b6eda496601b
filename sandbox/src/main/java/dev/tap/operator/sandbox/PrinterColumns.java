package dev.tap.operator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The CRD's printer columns, rendered as the API server renders them for kubectl: one cell per
 * column from its JSON path, dates as ages (42s, 7m, 5h, 3d), absent values empty.
 */
final class PrinterColumns {

  private final JsonNode columns;
  private final Clock clock;

  /** {@code crd} is the ServerlessApi CRD; its first version's columns are used. */
  PrinterColumns(JsonNode crd, Clock clock) {
    this.columns = crd.at("/spec/versions/0/additionalPrinterColumns");
    this.clock = clock;
  }

  /** The column definitions as the CRD declares them (name, type, jsonPath, priority, ...). */
  JsonNode definitions() {
    return columns;
  }

  List<String> names() {
    List<String> names = new ArrayList<>();
    columns.forEach(c -> names.add(c.path("name").asText()));
    return names;
  }

  List<String> cells(JsonNode resource) {
    List<String> cells = new ArrayList<>();
    for (JsonNode column : columns) {
      JsonNode value = SimpleJsonPath.read(resource, column.path("jsonPath").asText());
      if ("date".equals(column.path("type").asText())) {
        cells.add(age(value.asText(null)));
      } else {
        cells.add(value.isMissingNode() ? "" : value.asText());
      }
    }
    return cells;
  }

  /** An age as kubectl prints one: 42s, 7m, 5h, 3d; empty when there is no time. */
  String age(String timestamp) {
    if (timestamp == null) {
      return "";
    }
    try {
      Duration age = Duration.between(Instant.parse(timestamp), clock.instant());
      if (age.toDays() > 0) {
        return age.toDays() + "d";
      }
      if (age.toHours() > 0) {
        return age.toHours() + "h";
      }
      return age.toMinutes() > 0 ? age.toMinutes() + "m" : Math.max(0, age.toSeconds()) + "s";
    } catch (DateTimeParseException e) {
      return "";
    }
  }
}
