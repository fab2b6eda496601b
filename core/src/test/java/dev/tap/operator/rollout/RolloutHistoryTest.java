package dev.tap.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.api.v1alpha1.RolloutHistoryEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutHistoryTest {

  private static final Instant T0 = Instant.parse("2026-12-05T03:00:00Z");

  private static RecordedRollout starting(String stable, String target) {
    return RecordedRollout.builder().phase(RecordedRollout.PROGRESSING).stable(stable).target(target).step(0)
        .stepStartedAt(T0).startedAt(T0).message("start").build();
  }

  @Test
  void each_rollout_shows_its_steps_and_how_it_ended() {
    List<RolloutHistoryEntry> history = RolloutHistory.after(List.of(), new RolloutDecision.Record(starting("1", "2")), T0);
    history = RolloutHistory.after(history, new RolloutDecision.Shift("1", "2", 1, 0.1, null), T0.plusSeconds(1));
    history = RolloutHistory.after(history, new RolloutDecision.Shift("1", "2", 1, 0.1, null), T0.plusSeconds(2));
    history = RolloutHistory.after(history, new RolloutDecision.Promote("1", "2", "took all traffic", null),
        T0.plusSeconds(300));
    history = RolloutHistory.after(history, new RolloutDecision.Record(starting("2", "3")), T0.plusSeconds(400));
    history = RolloutHistory.after(history, new RolloutDecision.Shift("2", "3", 1, 0.1, null), T0.plusSeconds(401));
    RolloutDecision back = new RolloutDecision.RollBack("2", "3", "tap-lambda-errors-prod", "Threshold Crossed", null);
    history = RolloutHistory.after(history, back, T0.plusSeconds(500));
    history = RolloutHistory.after(history, back, T0.plusSeconds(501));

    assertThat(history).hasSize(2);
    assertThat(history.get(0).getSteps()).containsExactly("10% at 2026-12-05T03:00:01Z", "100% at 2026-12-05T03:05:00Z");
    assertThat(history.get(0).getResult()).isEqualTo("Succeeded");
    assertThat(history.get(1).getResult()).isEqualTo("RolledBack");
    assertThat(history.get(1).getReason()).isEqualTo("alarm tap-lambda-errors-prod: Threshold Crossed");
    assertThat(history.get(1).getEndedAt()).isEqualTo("2026-12-05T03:08:20Z");
  }

  @Test
  void it_keeps_the_last_ten() {
    List<RolloutHistoryEntry> history = List.of();
    for (int version = 2; version <= 14; version++) {
      history = RolloutHistory.after(history, new RolloutDecision.Promote(Integer.toString(version - 1),
          Integer.toString(version), "AllAtOnce", null), T0.plusSeconds(version));
    }

    assertThat(history).hasSize(RolloutHistory.KEPT);
    assertThat(history.get(0).getVersion()).isEqualTo("5");
  }
}
