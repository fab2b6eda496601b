package dev.tap.operator.table;

import static dev.tap.operator.OperatorHarness.REGION;
import static dev.tap.operator.OperatorHarness.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AdoptionPolicy;
import dev.tap.operator.aws.AwsClients;
import dev.tap.operator.aws.AwsPacing;
import dev.tap.operator.aws.RetryLaterException;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.workflow.AwsSession;
import dev.tap.operator.workflow.Outcomes;
import dev.tap.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;

/** CreateTable refused by DynamoDB's limits of the account: a short, fixed wait while tables settle, else a failure. */
class TableCreateLimitsTest {

  private static final Duration SETTLE = Duration.ofSeconds(5);

  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final SimulatedAws aws = new SimulatedAws(clock, SETTLE);
  private final List<String> changes = new ArrayList<>();

  private TableOutcome sync(ServerlessApi api) {
    AwsSession session = new AwsSession(api, REGION, AwsClients.byName(aws::client),
        (resource, reason, message) -> changes.add(reason), AdoptionPolicy.NONE, clock, new Outcomes(List.of("table")),
        null, AwsPacing.none(clock));
    return new TableDependent().sync(api, session);
  }

  @Test
  void a_table_with_an_index_waits_five_seconds_while_250_such_tables_are_creating() {
    for (int i = 0; i < 250; i++) {
      aws.dynamoDb(REGION).createTable(TableRequests.createTable(
          TableDesiredBuilder.build(sample("prod.yaml", "other" + i, api -> api))));
    }
    ServerlessApi api = sample("prod.yaml", "tap", a -> a);

    assertThatThrownBy(() -> sync(api)).isInstanceOfSatisfying(RetryLaterException.class, e -> {
      assertThat(e.waitFor()).isEqualTo(Duration.ofSeconds(5));
      assertThat(e.getMessage()).contains("table tap-items-prod waits: DynamoDB's limit of tables being created at once",
          "looking again in 5 s", "maximum number of indexed tables that can be created simultaneously");
    });
    assertThat(changes).isEmpty();

    clock.advance(SETTLE);
    assertThat(sync(api).observed().status()).isEqualTo("CREATING");
    assertThat(changes).containsExactly("CreatedTable");
  }

  @Test
  void a_limit_that_waiting_does_not_lift_is_left_to_the_failure_it_is() {
    aws.faults().inject("dynamodb", "CreateTable", 1, () -> LimitExceededException.builder()
        .message("Subscriber limit exceeded: There is a limit of 2500 tables per subscriber").build());

    assertThatThrownBy(() -> sync(sample("prod.yaml", "tap", a -> a))).isInstanceOf(LimitExceededException.class);
  }
}
