package dev.tap.operator.function;

import dev.tap.operator.api.v1alpha1.FunctionStatus;
import dev.tap.operator.api.v1alpha1.ServerlessApiStatus;
import dev.tap.operator.workflow.DependentOutcome;
import java.util.Optional;

/**
 * What the function dependent saw (null: no function yet), the one step it took or waits for, and
 * the digest of the last update it sent (kept in status so an update Lambda abandoned is not repeated).
 */
public record FunctionOutcome(ObservedFunction observed, FunctionAction action, String lastUpdateAttempt)
    implements DependentOutcome {

  @Override
  public boolean ready() {
    return action instanceof FunctionAction.InSync || action instanceof FunctionAction.AwaitRollout;
  }

  /** The published version the alias should serve: the rollout's target. Empty until there is one. */
  public Optional<String> target() {
    if (action instanceof FunctionAction.InSync inSync) {
      return Optional.of(inSync.version());
    }
    return action instanceof FunctionAction.AwaitRollout await ? Optional.of(await.target()) : Optional.empty();
  }

  @Override
  public String progress() {
    if (action instanceof FunctionAction.Wait wait) {
      return "waiting: " + wait.reason();
    }
    if (action instanceof FunctionAction.Create) {
      return "creating the function";
    }
    if (action instanceof FunctionAction.Publish) {
      return "publishing a version";
    }
    if (action instanceof FunctionAction.CreateAlias) {
      return "moving the alias";
    }
    return ready() ? "the function is in sync" : "applying changes to the function";
  }

  @Override
  public Optional<String> adopted() {
    return action instanceof FunctionAction.Tag tag && tag.adopting() && observed != null
        ? Optional.of("function " + observed.name()) : Optional.empty();
  }

  @Override
  public Optional<Blocked> blocked() {
    return action instanceof FunctionAction.Blocked blocked
        ? Optional.of(new Blocked(blocked.reason(), blocked.message())) : Optional.empty();
  }

  /** {@code status.function}: never the environment, which holds the page-token key. */
  @Override
  public void writeStatus(ServerlessApiStatus status) {
    if (observed == null) {
      return;
    }
    FunctionStatus function = new FunctionStatus();
    function.setName(observed.name());
    function.setArn(observed.arn());
    observed.alias().ifPresent(alias -> {
      function.setStableVersion(alias.version());
      function.setServing(alias.version() + alias.weights().entrySet().stream()
          .map(w -> "→" + w.getKey() + " (" + Math.round(w.getValue() * 100) + "%)").findFirst().orElse(""));
      alias.weights().forEach((version, weight) -> {
        function.setTargetVersion(version);
        function.setCanaryWeight(weight);
      });
    });
    observed.publishedLatest().ifPresent(v -> {
      if (function.getTargetVersion() == null) {
        function.setTargetVersion(v.number());
      }
    });
    function.setVersions(observed.versions().size());
    function.setLastUpdateStatus(observed.lastUpdateStatus());
    function.setLastUpdateStatusReason(observed.lastUpdateStatusReason());
    function.setLastUpdateAttempt(lastUpdateAttempt);
    status.setFunction(function);
  }
}
