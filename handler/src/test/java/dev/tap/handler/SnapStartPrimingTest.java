package dev.tap.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.testsupport.Dynalite;
import dev.tap.testsupport.DynaliteExtension;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The SnapStart hooks as Lambda runs them before a snapshot and after a restore, on a table with one item. */
@ExtendWith(DynaliteExtension.class)
class SnapStartPrimingTest {

  @Test
  void priming_reads_through_the_whole_handler_and_writes_nothing(Dynalite dynalite) throws Exception {
    TestApi api = TestApi.on(dynalite);
    String lamp = api.post("{\"name\":\"lamp\"}").body().path("id").asText();
    DynamoDbClient dynamo = dynalite.client();
    var before = dynamo.scan(r -> r.tableName(api.table)).items();
    api.logged.reset();

    api.handler.priming().beforeCheckpoint(null);
    api.handler.priming().afterRestore(null);

    String log = api.logged.toString(StandardCharsets.UTF_8);
    assertThat(log).as("a GetItem that finds nothing, then a page of the list").contains("snapstart-priming")
        .contains("\"status\":404").contains("\"status\":200").doesNotContain("\"status\":5");
    assertThat(dynamo.scan(r -> r.tableName(api.table)).items()).isEqualTo(before);
    assertThat(api.get(lamp).status()).as("the handler answers as before").isEqualTo(200);
  }

  @Test
  void a_failing_table_is_logged_and_does_not_fail_the_snapshot(Dynalite dynalite) {
    TestApi api = TestApi.over(dynalite.client());

    api.handler.priming().beforeCheckpoint(null);

    assertThat(api.logged.toString(StandardCharsets.UTF_8)).contains("\"status\":500");
  }
}
