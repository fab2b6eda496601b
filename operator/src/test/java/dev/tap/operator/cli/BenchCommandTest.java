package dev.tap.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.Samples;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

  @Test
  void resources_created_at_once_under_the_enforced_quotas_are_all_ready_with_no_call_refused() {
    StringWriter output = new StringWriter();
    CommandLine cli = TapOperatorCommand.commandLine();
    cli.setOut(new PrintWriter(output));

    int exit = cli.execute("bench", Samples.DIRECTORY.resolve("prod.yaml").toString(), "--resources", "3", "--speed", "20",
        "--timeout", "60");

    assertThat(exit).as(output.toString()).isZero();
    assertThat(output.toString()).contains("ready               3 of 3", "calls refused       0")
        .containsPattern("time to all Ready   \\d+ s of AWS time")
        .contains("quota bound         15 s");
  }
}
