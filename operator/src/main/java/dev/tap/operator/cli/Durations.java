package dev.tap.operator.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** Durations as the command line takes them: {@code 500ms}, {@code 30s}, {@code 2m}, or plain seconds. */
final class Durations {

  private Durations() {}

  static Duration parse(CommandLine commandLine, String option, String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      }
      if (value.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
      }
      if (value.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
      }
      return Duration.ofSeconds(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new CommandLine.ParameterException(commandLine,
          option + " must be a duration such as 60s, 2m or 500ms, not '" + text + "'");
    }
  }
}
