package dev.tap.operator.scaling;

import static dev.tap.operator.OperatorHarness.REGION;
import static dev.tap.operator.OperatorHarness.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AdoptionPolicy;
import dev.tap.operator.aws.AwsClients;
import dev.tap.operator.aws.AwsFailures;
import dev.tap.operator.aws.AwsPacing;
import dev.tap.operator.aws.TerminalException;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.table.TableDesiredBuilder;
import dev.tap.operator.table.TableRequests;
import dev.tap.operator.workflow.AwsSession;
import dev.tap.operator.workflow.Outcomes;
import dev.tap.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.model.LimitExceededException;

/** RegisterScalableTarget refused for the account's quota of scalable targets: a human must act. */
class ScalingTargetQuotaTest {

  private static final Duration SETTLE = Duration.ofSeconds(5);

  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final SimulatedAws aws = new SimulatedAws(clock, SETTLE);
  private final List<String> changes = new ArrayList<>();

  private ScalingOutcome sync(ServerlessApi api) {
    AwsSession session = new AwsSession(api, REGION, AwsClients.byName(aws::client),
        (resource, reason, message) -> changes.add(reason), AdoptionPolicy.NONE, clock, new Outcomes(List.of("scaling")),
        null, AwsPacing.none(clock));
    return new ScalingDependent().sync(api, session);
  }

  @Test
  void a_new_target_over_the_quota_is_terminal_saying_which_quota_and_converges_once_there_is_room() {
    ServerlessApi api = sample("prod.yaml", "tap", a -> a);
    aws.dynamoDb(REGION).createTable(TableRequests.createTable(TableDesiredBuilder.build(api)));
    clock.advance(SETTLE);
    // The account's 5 000 targets are simulated in simulated-aws; here the refusal is what matters.
    aws.faults().inject("application-autoscaling", "RegisterScalableTarget", 1, () -> LimitExceededException.builder()
        .message("A per-account resource limit is exceeded").build());

    assertThatThrownBy(() -> sync(api)).isInstanceOfSatisfying(TerminalException.class, e -> {
      assertThat(AwsFailures.isTerminal(e)).isTrue();
      assertThat(e.reason()).isEqualTo("ScalableTargetQuota");
      assertThat(e.getMessage()).contains("scalable target table/tap-items-prod dynamodb:table:ReadCapacityUnits"
          + " cannot be registered", "quota of Application Auto Scaling scalable targets for DynamoDB in us-east-1",
          "raise it in Service Quotas", "A per-account resource limit is exceeded");
    });
    assertThat(changes).isEmpty();

    assertThat(sync(api).changes()).hasSize(8);
    assertThat(sync(api).ready()).isTrue();
  }
}
