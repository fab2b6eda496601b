package dev.tap.operator.aws;

import dev.tap.operator.aws.AwsClients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class AwsPacingTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void a_call_over_the_quota_is_held_back_with_the_wait_until_the_next_token() {
    AwsPacing pacing = new AwsPacing(List.of(new AwsPacing.Quota("dynamodb", "CreateTable", 1.0 / 5, 1)), 1, clock);

    pacing.take("us-east-1", AwsServices.DYNAMODB, "CreateTable");

    assertThatThrownBy(() -> pacing.take("us-east-1", AwsServices.DYNAMODB, "CreateTable"))
        .isInstanceOfSatisfying(QuotaWaitException.class, e -> {
          // 5 % of the rate is kept as slack: 5 s / 0.95.
          assertThat(e.waitFor()).isEqualTo(Duration.ofMillis(5264));
          assertThat(e.getMessage()).isEqualTo(
              "waiting for the DynamoDB CreateTable quota (1 per 5 s in us-east-1)");
        });
    // Other operations, and the same operation in another region, have quotas of their own.
    pacing.take("us-east-1", AwsServices.DYNAMODB, "DescribeTable");
    pacing.take("eu-west-1", AwsServices.DYNAMODB, "CreateTable");

    clock.advance(Duration.ofMillis(5264));
    pacing.take("us-east-1", AwsServices.DYNAMODB, "CreateTable");
  }

  @Test
  void a_service_wide_quota_covers_the_operations_without_their_own_and_bursts() {
    AwsPacing pacing = new AwsPacing(List.of(new AwsPacing.Quota("dynamodb", "*", 10, 40),
        new AwsPacing.Quota("dynamodb", "CreateTable", 1, 1)), 1, clock);

    // One call of the burst is kept as slack.
    for (int i = 0; i < 39; i++) {
      pacing.take("us-east-1", AwsServices.DYNAMODB, i % 2 == 0 ? "DescribeTable" : "UpdateTable");
    }
    assertThatThrownBy(() -> pacing.take("us-east-1", AwsServices.DYNAMODB, "DescribeTable"))
        .isInstanceOfSatisfying(QuotaWaitException.class, e -> assertThat(e.waitFor()).isEqualTo(Duration.ofMillis(106)));
    pacing.take("us-east-1", AwsServices.DYNAMODB, "CreateTable");
  }

  @Test
  void each_deployment_takes_its_share_of_the_quota() {
    AwsPacing half = new AwsPacing(List.of(new AwsPacing.Quota("dynamodb", "*", 10, 40)), 0.5, clock);

    for (int i = 0; i < 19; i++) {
      half.take("us-east-1", AwsServices.DYNAMODB, "DescribeTable");
    }
    assertThatThrownBy(() -> half.take("us-east-1", AwsServices.DYNAMODB, "DescribeTable"))
        .isInstanceOfSatisfying(QuotaWaitException.class, e -> assertThat(e.waitFor()).isEqualTo(Duration.ofMillis(211)));
    assertThatThrownBy(() -> new AwsPacing(List.of(), 0, clock)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void paced_clients_take_one_token_per_request_sent_whatever_form_the_call_takes() {
    SimulatedAws aws = new SimulatedAws(clock, Duration.ZERO);
    AwsPacing pacing = new AwsPacing(List.of(new AwsPacing.Quota("dynamodb", "DescribeTable", 1, 3),
        new AwsPacing.Quota("application-autoscaling", "DescribeScalableTargets", 1, 1)), 1, clock);
    HookedAwsClients paced = new HookedAwsClients(AwsClients.byName(aws::client), List.of(pacing));
    DynamoDbClient dynamo = paced.client(AwsServices.DYNAMODB, "us-east-1");

    assertThatThrownBy(() -> dynamo.describeTable(r -> r.tableName("nothing"))).isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> dynamo.describeTable(r -> r.tableName("nothing"))).isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> dynamo.describeTable(r -> r.tableName("nothing"))).isInstanceOf(QuotaWaitException.class);
    assertThat(aws.calls().count("dynamodb", "DescribeTable")).isEqualTo(2);

    ApplicationAutoScalingClient scaling = paced.client(AwsServices.APPLICATION_AUTO_SCALING, "us-east-1");
    scaling.describeScalableTargetsPaginator(r -> r.serviceNamespace("dynamodb")).scalableTargets().forEach(t -> { });
    assertThatThrownBy(() -> scaling.describeScalableTargets(r -> r.serviceNamespace("dynamodb")))
        .isInstanceOf(QuotaWaitException.class);
    assertThat(aws.calls().count("application-autoscaling", "DescribeScalableTargets")).isEqualTo(1);
  }

  @Test
  void the_documented_quotas_hold_api_gateway_deployments_to_one_per_five_seconds() {
    AwsService<DynamoDbClient> apiGateway = new AwsService<>("apigateway", "API Gateway", "API_GATEWAY",
        DynamoDbClient.class, s -> null);
    AwsPacing pacing = AwsPacing.documented(1, clock);

    pacing.take("us-east-1", apiGateway, "CreateDeployment");
    assertThatThrownBy(() -> pacing.take("us-east-1", apiGateway, "CreateDeployment"))
        .isInstanceOfSatisfying(QuotaWaitException.class, e -> assertThat(e.waitFor()).isEqualTo(Duration.ofMillis(5264)));
  }

  @Test
  void a_pass_is_admitted_only_when_the_quota_has_room_for_all_its_calls_and_admission_takes_nothing() {
    AwsPacing pacing = new AwsPacing(List.of(new AwsPacing.Quota("lambda", "*", 15, 15)), 1, clock);
    for (int i = 0; i < 11; i++) {
      pacing.take("us-east-1", AwsServices.LAMBDA, "GetAlias");
    }

    pacing.admit("us-east-1", AwsServices.LAMBDA, 3);
    assertThatThrownBy(() -> pacing.admit("us-east-1", AwsServices.LAMBDA, 5))
        .isInstanceOfSatisfying(QuotaWaitException.class, e -> assertThat(e.waitFor()).isEqualTo(Duration.ofMillis(141)));
    for (int i = 0; i < 3; i++) {
      pacing.take("us-east-1", AwsServices.LAMBDA, "GetAlias");
    }
  }

  @Test
  void resources_held_back_come_back_one_after_the_other_not_all_at_once() {
    AwsPacing pacing = new AwsPacing(List.of(new AwsPacing.Quota("lambda", "CreateFunction", 1.0 / 5, 1)), 1, clock);
    pacing.onBehalfOf("default/a", () -> take(pacing));

    // Each is told to come back one token (5 s / 0.95) after the one before it, a fifth of that early: a
    // burst-1 quota cannot keep a token for a holder late for its turn, so its call waits for it in the pass.
    assertThat(List.of("default/b", "default/c", "default/d").stream()
        .map(holder -> pacing.onBehalfOf(holder, () -> heldFor(pacing))).toList())
        .containsExactly(Duration.ofMillis(4212), Duration.ofMillis(9475), Duration.ofMillis(14738));

    clock.advance(Duration.ofMillis(5264));
    pacing.onBehalfOf("default/b", () -> take(pacing));
    clock.advance(Duration.ofMillis(5264));
    pacing.onBehalfOf("default/c", () -> take(pacing));
    // A newcomer is told to come after the last turn given, not when the next token is there.
    assertThat(pacing.onBehalfOf("default/e", () -> heldFor(pacing))).isEqualTo(Duration.ofMillis(9475));
  }

  @Test
  void an_admitted_pass_keeps_its_tokens_to_the_end_and_gives_back_what_it_did_not_use() {
    AwsPacing pacing = new AwsPacing(List.of(new AwsPacing.Quota("lambda", "*", 4, 4)), 1, clock);

    pacing.onBehalfOf("default/a function", () -> {
      pacing.admit("us-east-1", AwsServices.LAMBDA, 3);
      // The three set aside are the bucket's all: another pass has no room, this one still has.
      assertThatThrownBy(() -> pacing.onBehalfOf("default/b function", () -> take(pacing)))
          .isInstanceOf(QuotaWaitException.class);
      take(pacing);
      return take(pacing);
    });
    // The third token, unused, went back when the pass ended, for the pass held back meanwhile.
    assertThatThrownBy(() -> pacing.onBehalfOf("default/c function", () -> take(pacing)))
        .isInstanceOf(QuotaWaitException.class);
    pacing.onBehalfOf("default/b function", () -> take(pacing));
    assertThatThrownBy(() -> take(pacing)).isInstanceOf(QuotaWaitException.class);
  }


  @Test
  void a_turn_is_kept_for_its_holder_a_newcomer_waits_behind_and_one_late_stops_holding_the_others_up() {
    AwsPacing pacing = new AwsPacing(List.of(new AwsPacing.Quota("lambda", "CreateFunction", 1.0 / 5, 1)), 1, clock);
    pacing.onBehalfOf("default/a function", () -> take(pacing));
    // Told to come back a fifth of the interval (1 052 ms) before their turns.
    assertThat(pacing.onBehalfOf("default/b function", () -> heldFor(pacing))).isEqualTo(Duration.ofMillis(4212));
    assertThat(pacing.onBehalfOf("default/c function", () -> heldFor(pacing))).isEqualTo(Duration.ofMillis(9475));

    // b comes back early: still first, told the rest of its wait; its resource need not run until then.
    clock.advance(Duration.ofMillis(3000));
    assertThat(pacing.onBehalfOf("default/b function", () -> heldFor(pacing))).isEqualTo(Duration.ofMillis(1212));
    assertThat(pacing.turnOf("default/b")).contains(Duration.ofMillis(1212));
    assertThat(pacing.turnOf("default/c")).contains(Duration.ofMillis(6475));
    assertThat(pacing.turnOf("default/z")).isEmpty();
    clock.advance(Duration.ofMillis(2264));
    assertThat(pacing.turnOf("default/b")).isEmpty();
    // The token there now is b's: a newcomer may not take it.
    assertThatThrownBy(() -> pacing.onBehalfOf("default/d function", () -> take(pacing)))
        .isInstanceOf(QuotaWaitException.class);
    // b does not come: past the grace, c's call goes when its own turn comes, and b is next when it does.
    clock.advance(Duration.ofMillis(5264));
    pacing.onBehalfOf("default/c function", () -> take(pacing));
    clock.advance(Duration.ofMillis(5264));
    pacing.onBehalfOf("default/b function", () -> take(pacing));
    assertThat(pacing.use()).singleElement().satisfies(use -> {
      assertThat(use.callsWhileWaiting()).isEqualTo(2);
      assertThat(use.utilization()).isBetween(0.6, 0.7);
    });
  }

  @Test
  void two_deployments_with_half_a_burst_1_quota_each_send_in_their_own_slots_never_closer_than_its_interval() {
    List<AwsPacing.Quota> quota = List.of(new AwsPacing.Quota("apigateway", "CreateDeployment", 1.0 / 5, 1));
    AwsPacing first = new AwsPacing(quota, new AwsPacing.Share(0.5, 0), clock, clock::advance);
    AwsPacing second = new AwsPacing(quota, new AwsPacing.Share(0.5, 1), clock, clock::advance);
    AwsService<DynamoDbClient> apiGateway = new AwsService<>("apigateway", "API Gateway", "API_GATEWAY",
        DynamoDbClient.class, s -> null);
    List<Long> sent = new java.util.ArrayList<>();
    long start = clock.millis();
    for (int step = 0; step < 600; step++) {
      for (AwsPacing pacing : List.of(first, second)) {
        try {
          pacing.onBehalfOf(pacing == first ? "a/x restapi" : "b/y restapi", () -> {
            pacing.take("us-east-1", apiGateway, "CreateDeployment");
            return null;
          });
          sent.add(clock.millis());
        } catch (QuotaWaitException e) {
          assertThat(e.waitFor()).isPositive();
        }
      }
      clock.advance(Duration.ofMillis(100));
    }
    for (int i = 1; i < sent.size(); i++) {
      assertThat(sent.get(i) - sent.get(i - 1)).isGreaterThanOrEqualTo(5000);
    }
    // Slots of 5.5 s, each used: the two deployments together send at 91 % of the quota.
    assertThat(sent).hasSizeGreaterThanOrEqualTo((int) ((clock.millis() - start) / 5500) - 1);
    assertThatThrownBy(() -> new AwsPacing.Share(0.5, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_pass_may_ask_whether_a_later_call_could_go_before_making_the_calls_that_lead_to_it() {
    AwsService<DynamoDbClient> apiGateway = new AwsService<>("apigateway", "API Gateway", "API_GATEWAY",
        DynamoDbClient.class, s -> null);
    AwsPacing pacing = AwsPacing.documented(1, clock);
    pacing.take("us-east-1", apiGateway, "CreateDeployment");

    // No room: held back before the import, its turn kept.
    assertThatThrownBy(() -> pacing.onBehalfOf("default/a restapi",
        () -> { pacing.expect("us-east-1", apiGateway, "CreateDeployment"); return null; }))
        .isInstanceOfSatisfying(QuotaWaitException.class, e -> assertThat(e.waitFor()).isEqualTo(Duration.ofMillis(4212)));
    assertThat(pacing.turnOf("default/a")).contains(Duration.ofMillis(4212));

    clock.advance(Duration.ofMillis(5264));
    pacing.onBehalfOf("default/a restapi", () -> {
      pacing.expect("us-east-1", apiGateway, "CreateDeployment");
      pacing.take("us-east-1", apiGateway, "PutRestApi");
      pacing.take("us-east-1", apiGateway, "CreateDeployment");
      return null;
    });
  }

  private static Duration heldFor(AwsPacing pacing) {
    try {
      take(pacing);
      throw new AssertionError("not held back");
    } catch (QuotaWaitException e) {
      return e.waitFor();
    }
  }

  private static Void take(AwsPacing pacing) {
    pacing.take("us-east-1", AwsServices.LAMBDA, "CreateFunction");
    return null;
  }
}
