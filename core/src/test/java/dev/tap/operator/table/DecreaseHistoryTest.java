package dev.tap.operator.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecreaseHistoryTest {

  @ParameterizedTest(name = "{0} today, last at {1}, now {2}: next at {3}")
  @CsvSource(nullValues = "now", value = {
      "0, , 2026-11-25T10:00:00Z, now",
      "3, 2026-11-25T09:59:00Z, 2026-11-25T10:00:00Z, now",
      "4, 2026-11-25T09:30:00Z, 2026-11-25T10:00:00Z, 2026-11-25T10:30:00Z",
      "4, 2026-11-25T09:00:00Z, 2026-11-25T10:00:00Z, now",
      "9, 2026-11-25T23:40:00Z, 2026-11-25T23:50:00Z, 2026-11-26T00:00:00Z",
      "27, 2026-11-25T23:40:00Z, 2026-11-26T00:00:01Z, now"})
  void four_a_utc_day_then_one_an_hour_and_a_fresh_day_at_midnight(long today, Instant last, Instant now, Instant next) {
    assertThat(new DecreaseHistory(today, last).nextAllowed(now).orElse(null)).isEqualTo(next);
  }
}
