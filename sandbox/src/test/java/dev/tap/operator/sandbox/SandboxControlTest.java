package dev.tap.operator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.sandbox.serve.LambdaFaults;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The control API's faults: set for a version that may not exist yet, refused when malformed, cleared. */
class SandboxControlTest {

  private final LambdaFaults faults = new LambdaFaults();
  private final SandboxControl control = new SandboxControl(new SimulatedAws(Clock.systemUTC(), Duration.ZERO),
      "us-east-1", faults, () -> new ObjectMapper().createObjectNode());

  @Test
  void a_fault_is_set_for_a_version_then_cleared() {
    SandboxControl.Answer set = control.handle("PUT", "/sandbox/v1/faults/tap-api-prod/7",
        "{\"errorPercent\": 25, \"addedLatencyMs\": 150}").orElseThrow();

    assertThat(set.code()).isEqualTo(200);
    assertThat(set.body().toString()).isEqualTo(
        "{\"function\":\"tap-api-prod\",\"version\":\"7\",\"errorPercent\":25.0,\"addedLatencyMs\":150}");
    assertThat(control.handle("DELETE", "/sandbox/v1/faults/tap-api-prod/7", "").orElseThrow().code()).isEqualTo(200);
    assertThat(control.handle("DELETE", "/sandbox/v1/faults/tap-api-prod/7", "").orElseThrow().code()).isEqualTo(404);
  }

  @Test
  void a_malformed_fault_is_refused_with_what_is_expected() {
    for (String body : new String[] {"not json", "[1]", "{\"errorPercent\": 150}", "{\"errorPercent\": \"half\"}",
        "{\"addedLatencyMs\": -1}"}) {
      SandboxControl.Answer answer = control.handle("PUT", "/sandbox/v1/faults/tap-api-prod/7", body).orElseThrow();

      assertThat(answer.code()).as(body).isEqualTo(400);
      assertThat(answer.body().path("error").asText()).as(body).contains("errorPercent");
    }
  }
}
