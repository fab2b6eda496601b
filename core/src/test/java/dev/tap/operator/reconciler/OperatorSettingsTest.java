package dev.tap.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OperatorSettingsTest {

  @Test
  void the_announced_retry_delay_is_the_one_josdk_waits_and_it_backs_off_to_the_cap() {
    OperatorSettings settings = new OperatorSettings(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofSeconds(1),
        Duration.ofSeconds(8));
    var execution = settings.retry().initExecution();

    for (int attempt = 1; attempt <= 8; attempt++) {
      assertThat(settings.retryDelay(attempt)).isEqualTo(Duration.ofMillis(execution.nextDelay().orElseThrow()));
    }
    assertThat(settings.retryDelay(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.retryDelay(8)).isEqualTo(Duration.ofSeconds(8));
    assertThat(settings.retry().getMaxAttempts()).isLessThan(0);
  }

  @Test
  void on_a_clock_running_faster_every_timer_is_shorter_in_real_time_and_messages_keep_clock_time() {
    OperatorSettings fast = OperatorSettings.PRODUCTION.atClockSpeed(10);

    // A quota's next token 5 s away on the clock is a 500 ms timer; JOSDK's retries back off in real time too.
    assertThat(fast.timer(Duration.ofSeconds(5))).isEqualTo(Duration.ofMillis(500));
    assertThat(fast.retry().initExecution().nextDelay()).contains(100L);
    assertThat(fast.retryDelay(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(fast.stopTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(OperatorSettings.PRODUCTION.timer(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
  }
}
