package dev.tap.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConditionsTest {

  @Test
  void a_condition_keeps_its_transition_time_until_its_status_changes() {
    Clock first = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    Clock later = Clock.fixed(Instant.parse("2026-01-01T01:00:00Z"), ZoneOffset.UTC);
    var initial = new Conditions(null, 1, first).set(Conditions.READY, Conditions.FALSE, "Progressing", "creating").asList();

    var sameStatus = new Conditions(initial, 2, later).set(Conditions.READY, Conditions.FALSE, "Progressing", "waiting").asList();
    var flipped = new Conditions(sameStatus, 2, later).set(Conditions.READY, Conditions.TRUE, "Synced", "done").asList();

    assertThat(sameStatus).singleElement().satisfies(c -> {
      assertThat(c.getLastTransitionTime()).isEqualTo("2026-01-01T00:00:00Z");
      assertThat(c.getMessage()).isEqualTo("waiting");
      assertThat(c.getObservedGeneration()).isEqualTo(2);
    });
    assertThat(flipped).singleElement().satisfies(c -> assertThat(c.getLastTransitionTime()).isEqualTo("2026-01-01T01:00:00Z"));
    assertThat(new Conditions(flipped, 2, later).remove(Conditions.READY).asList()).isEmpty();
  }
}
