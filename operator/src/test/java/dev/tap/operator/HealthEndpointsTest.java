package dev.tap.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.aws.AwsPacing;
import dev.tap.operator.aws.RegionResolver;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.events.KubernetesChangeRecorder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class HealthEndpointsTest {

  static KubernetesClient client;

  private static int status(HealthEndpoints health, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + health.port() + path)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void probes_fail_before_the_operator_starts_and_pass_once_it_watches() throws Exception {
    OperatorHarness.installCrd(client);
    Operator operator = OperatorLauncher.create(client, new SimulatedAws(Clock.systemUTC(),
        OperatorHarness.CHANGE_DELAY), AwsPacing.none(Clock.systemUTC()), new RegionResolver("us-east-1"),
        new KubernetesChangeRecorder(client, Clock.systemUTC()), OperatorHarness.FAST,
        Clock.systemUTC());
    try (HealthEndpoints health = HealthEndpoints.start(0, operator.getRuntimeInfo())) {
      assertThat(status(health, "/healthz")).isEqualTo(503);
      assertThat(status(health, "/readyz")).isEqualTo(503);

      operator.start();

      assertThat(status(health, "/healthz")).isEqualTo(200);
      assertThat(status(health, "/readyz")).isEqualTo(200);
    } finally {
      operator.stop();
    }
  }
}
