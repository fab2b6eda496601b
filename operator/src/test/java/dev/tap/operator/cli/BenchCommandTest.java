package dev.tap.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tap.operator.Samples;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

  private static final String SAMPLE = Samples.DIRECTORY.resolve("prod.yaml").toString();

  @Test
  void resources_created_at_once_under_the_enforced_quotas_are_all_ready_with_no_call_refused_and_the_figures_say_so() {
    StringWriter output = new StringWriter();
    int exit = run(output, "--resources", "3", "--speed", "40", "--at-rest", "1", "--api-server", "embedded");

    assertThat(exit).as(output.toString()).isZero();
    assertThat(output.toString()).contains("ready               3 of 3", "calls refused       0")
        .containsPattern("time to all Ready   \\d+ s of AWS time, [0-9.]+ x the quota bound of 15 s")
        .containsPattern("calls per resource  [0-9.]+ to converge; [0-9.]+ to create one alone")
        .containsPattern("at rest             [0-9.]+ reads per resource-hour over 300 s")
        .contains("scalableTargets=12");
  }

  @Test
  void the_figures_as_json_agree_within_ten_percent_at_two_accelerations() throws Exception {
    // Slow enough that the operator's own processing, magnified by the speed, stays a small part of the time.
    JsonNode slower = json("--resources", "6", "--speed", "4", "--at-rest", "0", "--json", "--api-server", "embedded");
    JsonNode faster = json("--resources", "6", "--speed", "8", "--at-rest", "0", "--json", "--api-server", "embedded");

    for (JsonNode figures : new JsonNode[] {slower, faster}) {
      assertThat(figures.path("ready").asInt()).isEqualTo(6);
      assertThat(figures.path("refusedCalls").asInt()).isZero();
      assertThat(figures.path("boundSeconds").asDouble()).isEqualTo(30);
      assertThat(figures.path("callsPerResource").asDouble()).isPositive();
      assertThat(figures.path("callsToCreateOne").asDouble()).isPositive();
    }
    assertThat(faster.path("timeToReadySeconds").asDouble())
        .isCloseTo(slower.path("timeToReadySeconds").asDouble(), within(0.1 * slower.path("timeToReadySeconds").asDouble()));
    assertThat(faster.path("bottleneckUtilization").asDouble())
        .isCloseTo(slower.path("bottleneckUtilization").asDouble(), within(0.1));
  }

  @Test
  void two_operators_sharing_the_account_each_on_half_its_quotas_bring_all_to_ready_with_no_call_refused() throws Exception {
    JsonNode figures = json("--resources", "6", "--operators", "2", "--speed", "40", "--at-rest", "0", "--json",
        "--api-server", "embedded");

    assertThat(figures.path("operators").asInt()).isEqualTo(2);
    assertThat(figures.path("ready").asInt()).isEqualTo(6);
    assertThat(figures.path("refusedCalls").asInt()).isZero();
  }

  private static JsonNode json(String... options) throws Exception {
    StringWriter output = new StringWriter();
    int exit = run(output, options);
    assertThat(exit).as(output.toString()).isZero();
    return new ObjectMapper().readTree(output.toString());
  }

  private static int run(StringWriter output, String... options) {
    CommandLine cli = TapOperatorCommand.commandLine();
    cli.setOut(new PrintWriter(output));
    String[] args = new String[options.length + 2];
    args[0] = "bench";
    args[1] = SAMPLE;
    System.arraycopy(options, 0, args, 2, options.length);
    return cli.execute(args);
  }
}
