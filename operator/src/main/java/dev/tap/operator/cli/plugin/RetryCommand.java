package dev.tap.operator.cli.plugin;

import dev.tap.operator.api.v1alpha1.RolloutStatus;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.rollout.RolloutCommands;
import picocli.CommandLine.Command;

@Command(name = "retry", mixinStandardHelpOptions = true,
    description = "Starts the rollout of a rolled-back or aborted version again, from its first step.")
final class RetryCommand extends AskCommand {

  @Override
  Ask ask(ServerlessApi api) {
    return oneShot(api, RolloutCommands.RETRY, RolloutStatus.ROLLED_BACK, "asked the operator to roll out version %s again");
  }
}
