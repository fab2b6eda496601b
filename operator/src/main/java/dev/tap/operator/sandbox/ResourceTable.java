package dev.tap.operator.sandbox;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** ServerlessApis as {@code kubectl get serverlessapi -o wide -A} shows them, from the CRD's printer columns. */
final class ResourceTable {

  private static final String[] HEADER = {"NAMESPACE", "NAME", "READY", "ENV", "VERSION", "ENDPOINT", "AGE", "SYNCED", "REASON"};

  private ResourceTable() {}

  static List<String> lines(List<ServerlessApi> resources, Instant now) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (ServerlessApi api : resources) {
      rows.add(new String[] {api.getMetadata().getNamespace(), api.getMetadata().getName(),
          condition(api, "Ready").map(Condition::getStatus).orElse(""),
          api.getSpec() == null ? "" : nullToEmpty(api.getSpec().getEnvironment()),
          api.getStatus() == null || api.getStatus().getFunction() == null ? ""
              : nullToEmpty(api.getStatus().getFunction().getStableVersion()),
          api.getStatus() == null || api.getStatus().getApi() == null ? "" : nullToEmpty(api.getStatus().getApi().getInvokeUrl()),
          age(api, now),
          condition(api, "ACK.ResourceSynced").map(Condition::getStatus).orElse(""),
          condition(api, "Ready").map(Condition::getReason).orElse("")});
    }
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(String.format("%-" + (widths[i] + 3) + "s", row[i]));
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

  private static String age(ServerlessApi api, Instant now) {
    String created = api.getMetadata().getCreationTimestamp();
    if (created == null) {
      return "";
    }
    Duration age = Duration.between(Instant.parse(created), now);
    return age.toMinutes() >= 1 ? age.toMinutes() + "m" : Math.max(0, age.toSeconds()) + "s";
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
