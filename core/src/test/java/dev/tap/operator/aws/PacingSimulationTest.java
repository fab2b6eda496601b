package dev.tap.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

class PacingSimulationTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void holders_coming_back_when_told_are_all_served_at_the_quota_rate() {
    AwsPacing pacing = new AwsPacing(List.of(new AwsPacing.Quota("lambda", "CreateFunction", 1.0 / 5, 1)),
        AwsPacing.Share.WHOLE, clock, clock::advance);
    record Wake(long at, String resource) {}
    PriorityQueue<Wake> wakes = new PriorityQueue<>((a, b) -> Long.compare(a.at, b.at));
    long start = clock.millis();
    for (int i = 0; i < 50; i++) {
      wakes.add(new Wake(start, "default/r" + i));
    }
    List<Long> sent = new ArrayList<>();
    int steps = 0;
    while (!wakes.isEmpty() && steps++ < 10_000) {
      Wake wake = wakes.poll();
      if (wake.at > clock.millis()) {
        clock.advance(Duration.ofMillis(wake.at - clock.millis()));
      }
      Optional<Duration> turn = pacing.turnOf(wake.resource);
      if (turn.isPresent()) {
        wakes.add(new Wake(clock.millis() + turn.get().toMillis(), wake.resource));
        continue;
      }
      try {
        pacing.onBehalfOf(wake.resource + " function", () -> {
          pacing.take("us-east-1", AwsServices.LAMBDA, "CreateFunction");
          return null;
        });
        sent.add(clock.millis() - start);
      } catch (QuotaWaitException e) {
        wakes.add(new Wake(clock.millis() + e.waitFor().toMillis(), wake.resource));
      }
    }
    assertThat(sent).hasSize(50);
    assertThat(sent.get(49)).isLessThan(50 * 5300);
  }

  @Test
  void apis_created_then_imported_and_deployed_flow_at_the_deployment_quota() {
    AwsPacing pacing = new AwsPacing(AwsPacing.DOCUMENTED, AwsPacing.Share.WHOLE, clock, clock::advance);
    record Wake(long at, int resource) {}
    PriorityQueue<Wake> wakes = new PriorityQueue<>((a, b) -> Long.compare(a.at, b.at));
    int resources = 200;
    int[] stage = new int[resources];
    long start = clock.millis();
    for (int i = 0; i < resources; i++) {
      wakes.add(new Wake(start, i));
    }
    long lastDeployment = 0;
    int steps = 0;
    while (!wakes.isEmpty() && steps++ < 200_000) {
      Wake wake = wakes.poll();
      if (wake.at > clock.millis()) {
        clock.advance(Duration.ofMillis(wake.at - clock.millis()));
      }
      String resource = "default/r" + wake.resource;
      Optional<Duration> turn = pacing.turnOf(resource);
      if (turn.isPresent()) {
        wakes.add(new Wake(clock.millis() + Math.min(300_000, turn.get().toMillis()), wake.resource));
        continue;
      }
      try {
        int at = stage[wake.resource];
        pacing.onBehalfOf(resource + " restapi", () -> {
          pacing.admit("us-east-1", API_GATEWAY, 4);
          pacing.take("us-east-1", API_GATEWAY, "GetRestApi");
          pacing.take("us-east-1", API_GATEWAY, "GetStage");
          if (at == 0) {
            pacing.take("us-east-1", API_GATEWAY, "CreateRestApi");
          } else {
            pacing.take("us-east-1", API_GATEWAY, "GetDeployments");
            pacing.expect("us-east-1", API_GATEWAY, "CreateDeployment");
            pacing.take("us-east-1", API_GATEWAY, "PutRestApi");
            pacing.take("us-east-1", API_GATEWAY, "CreateDeployment");
          }
          return null;
        });
        stage[wake.resource]++;
        if (at == 0) {
          wakes.add(new Wake(clock.millis() + 5000, wake.resource));
        } else {
          lastDeployment = clock.millis() - start;
        }
      } catch (QuotaWaitException e) {
        wakes.add(new Wake(clock.millis() + Math.min(300_000, e.waitFor().toMillis()), wake.resource));
      }
    }
    assertThat(stage).containsOnly(2);
    // One deployment per 5.264 s once the first APIs exist, within a minute and a half.
    assertThat(lastDeployment).isLessThan(resources * 5264L + 90_000);
  }

  private static final AwsService<software.amazon.awssdk.services.dynamodb.DynamoDbClient> API_GATEWAY =
      new AwsService<>("apigateway", "API Gateway", "API_GATEWAY", software.amazon.awssdk.services.dynamodb.DynamoDbClient.class,
          settings -> null);
}
