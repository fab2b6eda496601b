package dev.tap.operator.cli.plugin;

import picocli.CommandLine.Command;

/** {@code kubectl tap}: the plugin's commands, which bin/kubectl-tap runs. */
@Command(name = "tap", mixinStandardHelpOptions = true,
    description = "Operates the rollouts of ServerlessApis, as kubectl tap (bin/kubectl-tap).",
    subcommands = {StatusCommand.class, PromoteCommand.class, AbortCommand.class, RetryCommand.class,
        PauseCommand.class, ResumeCommand.class, HistoryCommand.class})
public final class TapPluginCommand {}
