package dev.tap.operator.sandbox.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.aws.simulated.lambda.LambdaState;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InvocationTargetTest {

  @Test
  void the_integration_uri_names_the_region_the_function_and_the_alias() {
    var target = InvocationTarget.of("arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/"
        + "arn:aws:lambda:eu-west-1:123456789012:function:tap-api-prod:live/invocations").orElseThrow();

    assertThat(target).isEqualTo(new InvocationTarget("eu-west-1", "tap-api-prod", "live"));
    assertThat(InvocationTarget.of("arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/"
        + "arn:aws:lambda:eu-west-1:123456789012:function:tap-api-prod/invocations").orElseThrow().qualifier())
        .isEqualTo("$LATEST");
    assertThat(InvocationTarget.of("http://example.com")).isEmpty();
  }

  @Test
  void an_additional_version_takes_its_weight_of_the_draws() {
    LambdaState.Routing routing = new LambdaState.Routing("1", Map.of("2", 0.1));
    Random random = new Random(20);
    int draws = 100_000;

    long second = 0;
    for (int i = 0; i < draws; i++) {
      second += routing.pick(random::nextDouble).equals("2") ? 1 : 0;
    }

    assertThat(second / (double) draws).isBetween(0.095, 0.105);
    assertThat(new LambdaState.Routing("3", Map.of()).pick(random::nextDouble)).isEqualTo("3");
  }
}
