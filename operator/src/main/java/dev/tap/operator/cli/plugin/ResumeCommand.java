package dev.tap.operator.cli.plugin;

import dev.tap.operator.api.v1alpha1.RolloutAnnotations;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import picocli.CommandLine.Command;

@Command(name = "resume", mixinStandardHelpOptions = true,
    description = "Lets rollouts paused with pause go on; a pause in the spec still holds them.")
final class ResumeCommand extends AskCommand {

  @Override
  Ask ask(ServerlessApi api) {
    boolean specPaused = api.getSpec() != null && api.getSpec().getFunction() != null
        && api.getSpec().getFunction().getDeployment() != null
        && Boolean.TRUE.equals(api.getSpec().getFunction().getDeployment().getPaused());
    return new Ask(RolloutAnnotations.PAUSED, null, "removed " + RolloutAnnotations.PAUSED
        + (specPaused ? "; spec.function.deployment.paused still holds its rollouts" : ""), null);
  }
}
