package dev.tap.operator;

import static dev.tap.operator.OperatorHarness.PATIENCE;
import static dev.tap.operator.OperatorHarness.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AwsClients;
import dev.tap.operator.aws.AwsPacing;
import dev.tap.operator.aws.RegionResolver;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.events.KubernetesChangeRecorder;
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Several operator deployments share a cluster: each serves only its namespaces and label selector. */
@OperatorTest
class OperatorScopeTest {

  static KubernetesClient client;

  private static ServerlessApi create(String namespace, String name, Map<String, String> labels) {
    ServerlessApi api = sample("dev.yaml", name, a -> a);
    api.getMetadata().setNamespace(namespace);
    api.getMetadata().setLabels(labels);
    return client.resources(ServerlessApi.class).inNamespace(namespace).resource(api).create();
  }

  private static ServerlessApi get(String namespace, String name) {
    return client.resources(ServerlessApi.class).inNamespace(namespace).withName(name).get();
  }

  @Test
  void a_deployment_serves_only_its_namespaces_and_selector() {
    SimulatedAws aws = new SimulatedAws(Clock.systemUTC(), OperatorHarness.CHANGE_DELAY);
    Operator operator = OperatorLauncher.create(client, AwsClients.byName(aws::client), AwsPacing.none(Clock.systemUTC()),
        new RegionResolver(OperatorHarness.REGION), new KubernetesChangeRecorder(client, Clock.systemUTC()),
        OperatorLauncher.Options.of(OperatorHarness.FAST, Clock.systemUTC())
            .serving(new OperatorScope(Set.of("team-a"), "tap.dev/shard=1")).withoutServerSideApply());
    operator.start();
    try {
      create("team-a", "mine", Map.of("tap.dev/shard", "1"));
      create("team-a", "other-shard", Map.of("tap.dev/shard", "2"));
      create("team-b", "other-namespace", Map.of("tap.dev/shard", "1"));

      await().atMost(PATIENCE).until(() -> OperatorHarness.condition(get("team-a", "mine"), Conditions.READY)
          .map(c -> Conditions.TRUE.equals(c.getStatus())).orElse(false));
      assertThat(get("team-a", "other-shard").getStatus()).isNull();
      assertThat(get("team-b", "other-namespace").getStatus()).isNull();
      assertThat(aws.dynamoDb(OperatorHarness.REGION).peekTableNames()).containsExactly("mine-items-dev");
    } finally {
      operator.stop();
    }
  }
}
