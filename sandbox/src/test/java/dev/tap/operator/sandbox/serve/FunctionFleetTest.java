package dev.tap.operator.sandbox.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.sandbox.lambda.FunctionConfig;
import dev.tap.operator.sandbox.lambda.InvocationResult;
import dev.tap.testsupport.Dynalite;
import dev.tap.testsupport.DynaliteExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A version's environments: reused warm, a timed-out one stopped and counted, the next request cold again. */
@ExtendWith(DynaliteExtension.class)
class FunctionFleetTest {

  private static final Path HANDLER_JAR = Path.of("..", "handler", "target", "tap-handler.jar");
  private static final String EVENT = "{\"httpMethod\":\"GET\",\"path\":\"/items\",\"resource\":\"/items\","
      + "\"requestContext\":{\"requestId\":\"r\"}}";

  @Test
  void a_timeout_stops_the_environment_is_counted_as_an_error_and_the_next_request_starts_cold(Dynalite dynalite)
      throws Exception {
    Dynalite.createItemsTable(dynalite.client(), "fleet-items", "createdAt-index");
    FunctionConfig config = new FunctionConfig("fleet", "7", HANDLER_JAR, "dev.tap.handler.ItemsHandler::handleRequest",
        256, "us-east-1", Map.of("TABLE_NAME", "fleet-items", "AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString()));
    FunctionFleet.VersionKey key = new FunctionFleet.VersionKey("us-east-1", "fleet", "7");

    try (FunctionFleet fleet = new FunctionFleet(2, Duration.ofSeconds(29), ServedStages.CREDENTIALS, new LambdaFaults())) {
      InvocationResult warmUp = fleet.invoke(key, config, Duration.ofSeconds(10), EVENT).orElseThrow();
      assertThat(warmUp.failed()).as(warmUp.payload()).isFalse();
      assertThat(warmUp.payload()).contains("\"X-Tap-Function-Version\":\"7\"");
      assertThat(fleet.invoke(key, config, Duration.ofSeconds(10), EVENT).orElseThrow().failed()).isFalse();

      InvocationResult timedOut = fleet.invoke(key, config, Duration.ofMillis(1), EVENT).orElseThrow();
      assertThat(timedOut.timedOut()).isTrue();
      assertThat(ProxyIntegration.response(timedOut).status()).isEqualTo(502);

      assertThat(fleet.invoke(key, config, Duration.ofSeconds(10), EVENT).orElseThrow().failed()).isFalse();
      assertThat(fleet.counts()).singleElement().isEqualTo(
          new FunctionFleet.VersionCounts("us-east-1", "fleet", "7", 4, 1, 1, 2, 1));

      fleet.retireAllBut(Set.of(key));
      assertThat(fleet.counts().get(0).environments()).as("still routed").isEqualTo(1);
      fleet.retireAllBut(Set.of());
      assertThat(fleet.counts()).as("no alias routes to it: its JVM goes, its counts stay").singleElement()
          .isEqualTo(new FunctionFleet.VersionCounts("us-east-1", "fleet", "7", 4, 1, 1, 2, 0));
    }
  }

  @Test
  void injected_faults_delay_and_fail_a_versions_invocations_and_are_counted_as_its_errors() throws Exception {
    LambdaFaults faults = new LambdaFaults();
    faults.set("fleet", "9", new LambdaFaults.Fault(100, 200));
    FunctionConfig config = new FunctionConfig("fleet", "9", HANDLER_JAR, "dev.tap.handler.ItemsHandler::handleRequest",
        256, "us-east-1", Map.of());
    FunctionFleet.VersionKey key = new FunctionFleet.VersionKey("us-east-1", "fleet", "9");

    try (FunctionFleet fleet = new FunctionFleet(1, Duration.ofSeconds(29), ServedStages.CREDENTIALS, faults)) {
      long started = System.nanoTime();
      InvocationResult result = fleet.invoke(key, config, Duration.ofSeconds(10), EVENT).orElseThrow();

      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
      assertThat(result.errorType()).isEqualTo("FaultInjectionError");
      assertThat(ProxyIntegration.response(result).status()).isEqualTo(502);
      assertThat(fleet.counts()).singleElement().isEqualTo(
          new FunctionFleet.VersionCounts("us-east-1", "fleet", "9", 1, 1, 0, 0, 1));
    }
  }
}
