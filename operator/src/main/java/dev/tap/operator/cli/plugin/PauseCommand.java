package dev.tap.operator.cli.plugin;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.rollout.RolloutCommands;
import picocli.CommandLine.Command;

@Command(name = "pause", mixinStandardHelpOptions = true,
    description = {"Holds rollouts at their current step until resume.",
        "spec.function.deployment.paused holds them too: either one pauses."})
final class PauseCommand extends AskCommand {

  @Override
  Ask ask(ServerlessApi api) {
    return new Ask(RolloutCommands.PAUSED, "true", "paused its rollouts (" + RolloutCommands.PAUSED + "=true)", null);
  }
}
