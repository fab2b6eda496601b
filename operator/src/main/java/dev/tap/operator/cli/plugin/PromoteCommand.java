package dev.tap.operator.cli.plugin;

import dev.tap.operator.api.v1alpha1.RolloutStatus;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.rollout.RolloutCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "promote", mixinStandardHelpOptions = true,
    description = "Moves the rollout in progress to its next step now; with --full, straight to all traffic.")
final class PromoteCommand extends AskCommand {

  @Option(names = "--full", description = "Give the new version all of the traffic at once.")
  boolean full;

  @Override
  Ask ask(ServerlessApi api) {
    return full ? oneShot(api, RolloutCommands.PROMOTE_FULL, RolloutStatus.PROGRESSING,
        "asked the operator to give version %s all traffic now")
        : oneShot(api, RolloutCommands.PROMOTE, RolloutStatus.PROGRESSING,
            "asked the operator to move version %s to its next step now");
  }
}
