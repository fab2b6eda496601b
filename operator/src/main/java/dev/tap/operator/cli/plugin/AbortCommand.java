package dev.tap.operator.cli.plugin;

import dev.tap.operator.api.v1alpha1.RolloutStatus;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.rollout.RolloutCommands;
import picocli.CommandLine.Command;

@Command(name = "abort", mixinStandardHelpOptions = true,
    description = "Sends all traffic back to the stable version and holds it there until retry.")
final class AbortCommand extends AskCommand {

  @Override
  Ask ask(ServerlessApi api) {
    return oneShot(api, RolloutCommands.ABORT, RolloutStatus.PROGRESSING,
        "asked the operator to abort the rollout of version %s");
  }
}
