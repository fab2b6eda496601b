package dev.tap.operator.function;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The function as Lambda holds it: $LATEST, its published versions (oldest first) and the environment's alias. */
public record ObservedFunction(String name, String arn, FunctionConfig config, String codeSha256, String imageUri,
    String state, String lastUpdateStatus, String lastUpdateStatusReason, Map<String, String> tags,
    List<Version> versions, Optional<Alias> alias) {

  /** A published version: what it snapshots and whether it can serve yet (SnapStart versions are Pending first). */
  public record Version(String number, FunctionConfig config, String codeSha256, String state) {
    int numeric() {
      return Integer.parseInt(number);
    }
  }

  /**
   * The alias: its version, while traffic shifts one more version with its weight, and its
   * description (where a rollback is recorded).
   */
  public record Alias(String version, Map<String, Double> weights, String description) {}

  /** The newest published version holding exactly what $LATEST holds now. */
  Optional<Version> publishedLatest() {
    return versions.stream().filter(v -> v.codeSha256().equals(codeSha256) && v.config().equals(config))
        .max(Comparator.comparingInt(Version::numeric));
  }

  Optional<Version> version(String number) {
    return versions.stream().filter(v -> v.number().equals(number)).findFirst();
  }
}
