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
}
