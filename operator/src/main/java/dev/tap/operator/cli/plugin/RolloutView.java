package dev.tap.operator.cli.plugin;

import dev.tap.operator.api.v1alpha1.AlarmStatus;
import dev.tap.operator.api.v1alpha1.DeploymentSpec;
import dev.tap.operator.api.v1alpha1.FunctionStatus;
import dev.tap.operator.api.v1alpha1.RolloutAnnotations;
import dev.tap.operator.api.v1alpha1.RolloutStatus;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.api.v1alpha1.ServerlessApiStatus;
import dev.tap.operator.rollout.RolloutSettings;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code kubectl tap status} prints of a resource, from its status alone: readiness, the versions
 * the alias serves, the rollout's step and when the next one is due, each alarm's state. Pure.
 */
final class RolloutView {

  private RolloutView() {}

  static List<String> lines(ServerlessApi api, Instant now) {
    List<String> lines = new ArrayList<>();
    ServerlessApiStatus status = api.getStatus();
    String id = api.getMetadata().getNamespace() + "/" + api.getMetadata().getName();
    if (status == null) {
      lines.add(id + "  no status yet: the operator has not reconciled it");
      return lines;
    }
    lines.add(id + "  " + condition(status, "Ready").map(c -> "Ready " + c.getStatus() + " (" + c.getReason()
        + (c.getMessage() == null ? "" : ": " + c.getMessage()) + ")").orElse("Ready unknown"));
    FunctionStatus function = status.getFunction();
    if (function != null) {
      lines.add("  serving   " + (function.getServing() == null ? "-" : function.getServing())
          + (function.getTargetVersion() == null ? "" : "  (latest published version " + function.getTargetVersion() + ")"));
    }
    RolloutStatus rollout = status.getRollout();
    if (rollout != null) {
      lines.add("  rollout   " + rollout.getPhase() + ": version " + rollout.getTargetVersion() + " over "
          + rollout.getStableVersion() + (rollout.getStep() == null ? "" : ", step " + rollout.getStep())
          + (rollout.getWeight() == null ? "" : " at " + Math.round(rollout.getWeight() * 100) + " %")
          + nextStep(api, rollout, now));
      if (rollout.getMessage() != null) {
        lines.add("            " + rollout.getMessage());
      }
      if (rollout.getGates() != null) {
        rollout.getGates().forEach(g -> lines.add("  gate      " + g.getMetric() + " " + g.getResult() + ": "
            + (g.getValue() == null ? "-" : g.getValue()) + " (max " + g.getMax() + ") over " + g.getRequests()
            + " request(s) of step " + g.getStep()));
      }
      if (rollout.getChecks() != null) {
        rollout.getChecks().forEach(c -> lines.add("  check     " + c.getPhase() + " " + c.getRequest() + " "
            + c.getResult() + (c.getMessage() == null ? "" : ": " + c.getMessage())));
      }
    }
    List<AlarmStatus> alarms = status.getAlarms() == null ? List.of() : status.getAlarms();
    if (!alarms.isEmpty()) {
      lines.add("  alarms    " + alarms.stream().map(a -> a.getName() + " " + a.getState())
          .collect(Collectors.joining(", ")));
    }
    return lines;
  }

  /** When the current step's interval ends, while the rollout progresses. */
  private static String nextStep(ServerlessApi api, RolloutStatus rollout, Instant now) {
    DeploymentSpec deployment = api.getSpec() == null || api.getSpec().getFunction() == null ? null
        : api.getSpec().getFunction().getDeployment();
    if (!RolloutStatus.PROGRESSING.equals(rollout.getPhase()) || rollout.getStepStartedAt() == null
        || deployment == null || deployment.getInterval() == null) {
      return "";
    }
    if (Boolean.TRUE.equals(deployment.getPaused())) {
      return "; paused (spec.function.deployment.paused)";
    }
    if (api.getMetadata().getAnnotations() != null
        && "true".equals(api.getMetadata().getAnnotations().get(RolloutAnnotations.PAUSED))) {
      return "; paused (kubectl tap pause)";
    }
    Instant started = Instant.parse(rollout.getStepStartedAt());
    Instant next = started.plus(RolloutSettings.interval(deployment.getInterval()));
    if (started.isAfter(now)) {
      // The operator's clock runs ahead of ours (a sandbox with --clock-speed): only its own time makes sense.
      return "; next step at " + next + " on the operator's clock";
    }
    Duration left = Duration.between(now, next);
    return "; next step at " + next + (left.isNegative() ? " (due)" : " (in " + human(left) + ")");
  }

  private static String human(Duration left) {
    long seconds = left.toSeconds();
    return seconds >= 60 ? seconds / 60 + "m " + seconds % 60 + "s" : seconds + "s";
  }

  private static Optional<Condition> condition(ServerlessApiStatus status, String type) {
    return status.getConditions() == null ? Optional.empty()
        : status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }
}
