package dev.tap.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.aws.AwsPacing;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResyncPaceTest {

  private static final AwsPacing.Quota API_GATEWAY = new AwsPacing.Quota("apigateway", "*", 10, 40);
  private static final AwsPacing.Quota LAMBDA = new AwsPacing.Quota("lambda", "*", 15, 15);

  @Test
  void few_resources_resync_at_the_configured_interval() {
    assertThat(ResyncPace.interval(Duration.ofMinutes(5), Map.of(API_GATEWAY, 2, LAMBDA, 3), 50))
        .isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void a_thousand_resources_resync_slowly_enough_to_use_at_most_half_of_the_busiest_quota() {
    // API Gateway: 2 reads x 1 000 / 400 s = 5 per s, half of 10; Lambda: 3 x 1 000 / 400 s = 7.5, half of 15.
    Duration interval = ResyncPace.interval(Duration.ofMinutes(5), Map.of(API_GATEWAY, 2, LAMBDA, 3), 1000);

    assertThat(interval).isEqualTo(Duration.ofSeconds(400));
    assertThat(2 * 1000 / (double) interval.toSeconds()).isLessThanOrEqualTo(0.5 * API_GATEWAY.perSecond());
  }
}
