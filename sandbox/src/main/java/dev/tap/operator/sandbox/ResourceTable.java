package dev.tap.operator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** ServerlessApis as {@code kubectl get serverlessapi -o wide -A} shows them, from the CRD's printer columns. */
final class ResourceTable {

  private ResourceTable() {}

  static List<String> lines(List<ServerlessApi> resources, PrinterColumns columns) {
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("NAMESPACE", "NAME"));
    header.addAll(columns.names());
    rows.add(header);
    for (ServerlessApi api : resources) {
      JsonNode resource = Serialization.jsonMapper().valueToTree(api);
      List<String> row = new ArrayList<>(List.of(api.getMetadata().getNamespace(), api.getMetadata().getName()));
      row.addAll(columns.cells(resource));
      rows.add(row);
    }
    int[] widths = new int[header.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(String.format("%-" + (widths[i] + 3) + "s", row.get(i)));
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  static Optional<Condition> condition(ServerlessApi api, String type) {
    if (api.getStatus() == null || api.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return api.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }
}
