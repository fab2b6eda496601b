package dev.tap.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code --help} of every command: picocli wraps each description line on its own, so each must be whole sentences. */
class CommandLineHelpTest {

  @Test
  void every_description_line_of_every_command_is_whole_sentences() {
    List<String> fragments = new ArrayList<>();
    for (CommandSpec command : commands()) {
      // The first line alone is what the command list shows.
      check(command.qualifiedName(), command.usageMessage().description(), fragments);
      for (ArgSpec arg : command.args()) {
        check(command.qualifiedName() + " " + (arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName()
            : arg.paramLabel()), arg.description(), fragments);
      }
    }

    assertThat(fragments).isEmpty();
  }

  @Test
  void every_help_fits_80_columns() {
    for (CommandSpec command : commands()) {
      assertThat(command.commandLine().getUsageMessage().lines()).as(command.qualifiedName())
          .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }
  }

  private static List<CommandSpec> commands() {
    CommandLine root = TapOperatorCommand.commandLine();
    List<CommandSpec> commands = new ArrayList<>(List.of(root.getCommandSpec()));
    root.getSubcommands().values().forEach(sub -> commands.add(sub.getCommandSpec()));
    return commands;
  }

  private static void check(String where, String[] lines, List<String> fragments) {
    for (String line : lines) {
      if (!line.strip().endsWith(".")) {
        fragments.add(where + ": '" + line + "'");
      }
    }
  }
}
