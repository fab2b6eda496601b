package dev.tap.operator.reconciler;

import dev.tap.operator.aws.AwsClients;
import static dev.tap.operator.OperatorHarness.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.testsupport.Dynalite;
import dev.tap.operator.OperatorHarness;
import dev.tap.operator.OperatorTest;
import dev.tap.operator.aws.AwsEndpoints;
import dev.tap.operator.aws.RoutedAwsClients;
import dev.tap.operator.aws.SdkAwsClients;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The operator through the real SDK over HTTP, against dynalite: AWS_ENDPOINT_URL_DYNAMODB routes
 * DynamoDB to it while Application Auto Scaling stays simulated.
 */
@OperatorTest
class OperatorOnDynaliteTest {

  static KubernetesClient client;

  @Test
  void the_table_with_its_index_is_created_and_capacity_drift_is_corrected_over_the_wire() {
    try (Dynalite dynalite = Dynalite.start(); DynamoDbClient direct = dynalite.client()) {
      AwsEndpoints endpoints = new AwsEndpoints(Map.of("AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString()));
      SdkAwsClients sdk = new SdkAwsClients(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
          endpoints);
      SimulatedAws simulated = new SimulatedAws(Clock.systemUTC(), OperatorHarness.CHANGE_DELAY);
      RoutedAwsClients clients = new RoutedAwsClients(sdk, AwsClients.byName(simulated::client), endpoints);
      try (OperatorHarness operator = OperatorHarness.startOn(client, clients)) {
        // dynalite knows neither deletion protection nor point-in-time recovery: both are left unmanaged.
        // It also drops CreateTable's Tags (DynamoDB keeps them), so the operator adopts its own table.
        operator.create(OperatorHarness.sample("dev.yaml", "wire", api -> {
          api.getMetadata().setAnnotations(Map.of("services.k8s.aws/adoption-policy", "adopt-or-create"));
          api.getSpec().getTable().setDeletionProtection(null);
          api.getSpec().getTable().setPointInTimeRecovery(null);
          return api;
        }));
        operator.awaitCondition("wire", Conditions.READY, Conditions.TRUE);

        TableDescription table = direct.describeTable(r -> r.tableName("wire-items-dev")).table();
        assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(1);
        assertThat(table.globalSecondaryIndexes()).singleElement()
            .satisfies(i -> assertThat(i.indexName()).isEqualTo("createdAt-index"));

        direct.updateTable(r -> r.tableName("wire-items-dev")
            .provisionedThroughput(t -> t.readCapacityUnits(4L).writeCapacityUnits(4L)));

        await().atMost(PATIENCE).until(() -> {
          var throughput = direct.describeTable(r -> r.tableName("wire-items-dev")).table().provisionedThroughput();
          return throughput.readCapacityUnits() == 1 && throughput.writeCapacityUnits() == 1;
        });
      } finally {
        sdk.close();
      }
    }
  }
}
