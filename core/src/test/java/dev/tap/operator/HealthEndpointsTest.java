package dev.tap.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.aws.AwsClients;
import dev.tap.operator.aws.AwsPacing;
import dev.tap.operator.aws.RegionResolver;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.events.KubernetesChangeRecorder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.metrics.OperatorMetrics;
import dev.tap.operator.status.Conditions;
import dev.tap.testsupport.JumpingClock;
import org.junit.jupiter.api.Test;

@OperatorTest
class HealthEndpointsTest {

  static KubernetesClient client;

  private static int status(HealthEndpoints health, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + health.port() + path)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void liveness_passes_from_the_start_and_readiness_once_the_operator_watches() throws Exception {
    SimulatedAws simulated = new SimulatedAws(Clock.systemUTC(), OperatorHarness.CHANGE_DELAY);
    Operator operator = OperatorLauncher.create(client, AwsClients.byName(simulated::client), AwsPacing.none(Clock.systemUTC()), new RegionResolver("us-east-1"),
        new KubernetesChangeRecorder(client, Clock.systemUTC()),
        OperatorLauncher.Options.of(OperatorHarness.FAST, Clock.systemUTC()).withoutServerSideApply());
    try (HealthEndpoints health = HealthEndpoints.start(0, operator.getRuntimeInfo(), new OperatorMetrics())) {
      assertThat(status(health, "/healthz")).isEqualTo(200);
      assertThat(status(health, "/readyz")).isEqualTo(503);

      operator.start();

      assertThat(status(health, "/healthz")).isEqualTo(200);
      assertThat(status(health, "/readyz")).isEqualTo(200);
    } finally {
      operator.stop();
    }
  }

  private static String scrape(HealthEndpoints health) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + health.port() + "/metrics")).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void metrics_show_reconciliations_aws_calls_by_outcome_time_to_ready_and_rollout_phases() throws Exception {
    JumpingClock clock = new JumpingClock();
    SimulatedAws aws = new SimulatedAws(clock, OperatorHarness.CHANGE_DELAY);
    aws.faults().throttle("dynamodb", 2);
    OperatorMetrics metrics = new OperatorMetrics();
    Operator operator = OperatorLauncher.create(client, AwsClients.byName(aws::client), AwsPacing.none(clock),
        new RegionResolver("us-east-1"),
        new KubernetesChangeRecorder(client, clock), OperatorLauncher.Options.of(OperatorHarness.FAST, clock).measuredBy(metrics).withoutServerSideApply());
    var resources = client.resources(ServerlessApi.class).inNamespace(OperatorHarness.NAMESPACE);
    try (HealthEndpoints health = HealthEndpoints.start(0, operator.getRuntimeInfo(), metrics)) {
      operator.start();
      resources.resource(OperatorHarness.sample("prod.yaml", "measured", api -> api)).create();
      await().atMost(OperatorHarness.PATIENCE).until(() -> ready(resources.withName("measured").get()));
      resources.withName("measured").edit(api -> {
        api.getSpec().getFunction().setMemorySize(1024);
        return api;
      });
      await().atMost(OperatorHarness.PATIENCE).until(() -> scrape(health)
          .contains("tap_rollout_phase{phase=\"Progressing\",resource=\"default/measured\"} 1.0"));

      String text = scrape(health);
      assertThat(text).contains("operator_sdk_controllers_execution_reconcile_success_total{controller=\"serverlessapi\"")
          .contains("tap_aws_calls_total{operation=\"CreateTable\",outcome=\"success\",service=\"dynamodb\"} 1.0")
          .containsPattern("tap_aws_calls_total\\{operation=\"\\w+\",outcome=\"throttled\",service=\"dynamodb\"} 2.0")
          .contains("tap_aws_calls_total{operation=\"GetFunction\",outcome=\"not_found\",service=\"lambda\"} 1.0")
          .contains("tap_time_to_ready_seconds_count 1")
          .contains("tap_resource_state{resource=\"default/measured\",state=\"Progressing\"} 1.0");
    } finally {
      operator.stop();
      resources.withName("measured").edit(api -> {
        api.getMetadata().setFinalizers(java.util.List.of());
        return api;
      });
      resources.withName("measured").delete();
    }
  }

  private static boolean ready(ServerlessApi api) {
    return OperatorHarness.condition(api, Conditions.READY).map(c -> "True".equals(c.getStatus())).orElse(false);
  }
}
