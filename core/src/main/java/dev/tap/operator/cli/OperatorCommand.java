package dev.tap.operator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** What the image runs: the operator ({@code run}) and the offline check of manifests ({@code validate}). */
@Command(name = "tap-operator", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Runs the Tap serverless operator and checks its manifests.",
    subcommands = {RunCommand.class, ValidateCommand.class})
public final class OperatorCommand {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    return new CommandLine(new OperatorCommand());
  }
}
