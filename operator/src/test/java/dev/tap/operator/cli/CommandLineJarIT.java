package dev.tap.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code operator/target/tap-operator.jar}, the one command line users run, offers every command. */
class CommandLineJarIT {

  private static final Path JAR = Path.of("target", "tap-operator.jar");

  @Test
  void every_command_answers() throws Exception {
    assertThat(run("--help")).contains("run").contains("validate").contains("sandbox").contains("bench").contains("load");
    for (String command : List.of("run", "validate", "sandbox", "bench", "load")) {
      assertThat(run(command, "--help")).as(command).contains("Usage: tap-operator " + command);
    }
    assertThat(run("validate", Path.of("..", "samples", "dev.yaml").toString())).contains("OK");
  }

  private static String run(String... args) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(out).isZero();
    return out;
  }
}
