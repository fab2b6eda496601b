package dev.tap.operator.sandbox;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AwsFailures;
import dev.tap.operator.workflow.AwsDependent;
import dev.tap.operator.workflow.InventoryItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What AWS holds for the sandbox's resources, as each dependent of the workflow reads it: grouped by
 * dependent, in workflow order, then by resource.
 */
record Inventory(@com.fasterxml.jackson.annotation.JsonIgnore List<InventoryItem> items) {

  static Inventory read(List<AwsDependent<?>> dependents, List<ServerlessApi> resources,
      Function<ServerlessApi, dev.tap.operator.workflow.AwsSession> sessions) {
    List<InventoryItem> items = new ArrayList<>();
    for (AwsDependent<?> dependent : dependents) {
      for (ServerlessApi api : resources) {
        try {
          items.addAll(dependent.inventory(api, sessions.apply(api)));
        } catch (SdkException e) {
          items.add(unreadable(api, dependent.name(), AwsFailures.describe(e)));
        }
      }
    }
    // Two resources may name one AWS resource (same name and environment in two namespaces): list it once.
    return new Inventory(items.stream().distinct().toList());
  }

  /** AWS refused or could not be reached: one line, as the resource's conditions say it. */
  private static InventoryItem unreadable(ServerlessApi api, String dependent, String problem) {
    String id = api.getMetadata().getNamespace() + "/" + api.getMetadata().getName();
    return new InventoryItem("unreadable", new Unreadable(id, dependent, problem),
        List.of(id + ": the " + dependent + " could not be read from AWS: " + problem));
  }

  /** A read that failed, in the JSON inventory. */
  record Unreadable(String resource, String dependent, String problem) {}

  /** The JSON form: {@code {"tables": [...], "targets": [...]}}. */
  @JsonAnyGetter
  Map<String, List<Object>> groups() {
    Map<String, List<Object>> groups = new LinkedHashMap<>();
    items.forEach(item -> groups.computeIfAbsent(item.group(), g -> new ArrayList<>()).add(item.value()));
    return groups;
  }

  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("AWS inventory");
    if (items.isEmpty()) {
      lines.add("  (nothing)");
    }
    items.forEach(item -> item.lines().forEach(line -> lines.add("  " + line)));
    return lines;
  }
}
