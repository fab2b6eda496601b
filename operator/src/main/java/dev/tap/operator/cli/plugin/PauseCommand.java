package dev.tap.operator.cli.plugin;

import dev.tap.operator.api.v1alpha1.RolloutAnnotations;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import picocli.CommandLine.Command;

@Command(name = "pause", mixinStandardHelpOptions = true,
    description = {"Holds rollouts at their current step until resume.",
        "spec.function.deployment.paused holds them too: either one pauses."})
final class PauseCommand extends AskCommand {

  @Override
  Ask ask(ServerlessApi api) {
    return new Ask(RolloutAnnotations.PAUSED, "true", "paused its rollouts (" + RolloutAnnotations.PAUSED + "=true)", null);
  }
}
