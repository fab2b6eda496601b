package dev.tap.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** One proxy, several hooks: they nest as layers would, the first outermost. */
class HookedAwsClientsTest {

  private final List<String> heard = new CopyOnWriteArrayList<>();

  /** Notes what it hears; throws from before or after when told to. */
  private final class Layer implements AwsCallHook {
    final String name;
    RuntimeException inBefore;
    RuntimeException inAfter;

    Layer(String name) {
      this.name = name;
    }

    @Override
    public void before(AwsService<?> service, String region, String operation) {
      heard.add(name + " before " + operation);
      if (inBefore != null) {
        throw inBefore;
      }
    }

    @Override
    public void after(AwsService<?> service, String region, String operation) {
      heard.add(name + " after");
      if (inAfter != null) {
        throw inAfter;
      }
    }

    @Override
    public void failed(AwsService<?> service, String region, String operation, Throwable failure) {
      heard.add(name + " failed " + failure.getClass().getSimpleName());
    }
  }

  private final Layer outer = new Layer("outer");
  private final Layer middle = new Layer("middle");
  private final Layer inner = new Layer("inner");
  private final SimulatedAws aws = new SimulatedAws(new MovableClock(Instant.parse("2026-01-01T00:00:00Z")), Duration.ZERO);
  private final DynamoDbClient dynamo = new HookedAwsClients(AwsClients.byName(aws::client),
      List.of(outer, middle, inner)).client(AwsServices.DYNAMODB, "us-east-1");

  @Test
  void before_runs_in_order_and_the_end_is_heard_in_reverse() {
    dynamo.listTables(r -> r.limit(1));

    assertThat(heard).containsExactly("outer before ListTables", "middle before ListTables", "inner before ListTables",
        "inner after", "middle after", "outer after");
  }

  @Test
  void a_call_aws_refuses_is_failed_for_every_hook() {
    assertThatThrownBy(() -> dynamo.describeTable(r -> r.tableName("nothing"))).isInstanceOf(ResourceNotFoundException.class);

    assertThat(heard).endsWith("inner failed ResourceNotFoundException", "middle failed ResourceNotFoundException",
        "outer failed ResourceNotFoundException");
  }

  @Test
  void a_call_held_back_is_not_sent_and_only_the_hooks_it_reached_hear_it_failed() {
    middle.inBefore = new QuotaWaitException("held (test)", Duration.ofSeconds(1));

    assertThatThrownBy(() -> dynamo.listTables(r -> r.limit(1))).isInstanceOf(QuotaWaitException.class);

    assertThat(heard).containsExactly("outer before ListTables", "middle before ListTables",
        "middle failed QuotaWaitException", "outer failed QuotaWaitException");
  }

  @Test
  void a_failing_after_is_a_failure_for_the_hooks_outside_it() {
    middle.inAfter = new IllegalStateException("crashed (test)");

    assertThatThrownBy(() -> dynamo.listTables(r -> r.limit(1))).isInstanceOf(IllegalStateException.class);

    assertThat(heard).endsWith("inner after", "middle after", "outer failed IllegalStateException");
  }
}
