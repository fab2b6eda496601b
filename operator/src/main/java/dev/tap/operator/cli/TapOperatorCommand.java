package dev.tap.operator.cli;

import dev.tap.operator.cli.plugin.TapPluginCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tap-operator} command line users run: the image's commands, and the sandbox and the quota benchmark. */
@Command(name = "tap-operator", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Runs and checks the Tap serverless operator.",
    subcommands = {RunCommand.class, SandboxCommand.class, ValidateCommand.class, BenchCommand.class, LoadCommand.class,
        TapPluginCommand.class})
public final class TapOperatorCommand {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    return new CommandLine(new TapOperatorCommand());
  }
}
