package dev.tap.operator.cli.plugin;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.rollout.RolloutCommands;
import picocli.CommandLine.Command;

@Command(name = "resume", mixinStandardHelpOptions = true,
    description = "Lets rollouts paused with pause go on; a pause in the spec still holds them.")
final class ResumeCommand extends AskCommand {

  @Override
  Ask ask(ServerlessApi api) {
    boolean specPaused = api.getSpec() != null && api.getSpec().getFunction() != null
        && api.getSpec().getFunction().getDeployment() != null
        && Boolean.TRUE.equals(api.getSpec().getFunction().getDeployment().getPaused());
    return new Ask(RolloutCommands.PAUSED, null, "removed " + RolloutCommands.PAUSED
        + (specPaused ? "; spec.function.deployment.paused still holds its rollouts" : ""), null);
  }
}
