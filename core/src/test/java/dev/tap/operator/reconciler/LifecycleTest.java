package dev.tap.operator.reconciler;

import static dev.tap.operator.OperatorHarness.REGION;
import static dev.tap.operator.OperatorHarness.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tap.operator.KubernetesRequestLog;
import dev.tap.operator.OperatorHarness;
import dev.tap.operator.OperatorTest;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.status.Conditions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A resource's whole life as Argo CD and its users see it from the cluster. */
@OperatorTest
class LifecycleTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private OperatorHarness operator;

  @Test
  void over_create_update_rollout_and_delete_the_operator_writes_only_status_and_its_finalizer() throws Exception {
    operator.liveAWholeLife("life", () -> { });

    List<KubernetesRequestLog.Request> toTheResource = operator.kubernetesRequests.requests().stream()
        .filter(KubernetesRequestLog.Request::writes).filter(r -> r.path().contains("/serverlessapis/")).toList();
    assertThat(toTheResource).isNotEmpty();
    for (KubernetesRequestLog.Request request : toTheResource) {
      assertThat(request.method()).as(request.path()).isIn("PATCH", "PUT");
      JsonNode body = JSON.readTree(request.body());
      if (request.path().endsWith("/status")) {
        assertThat(body.has("spec")).as("a status write carries no spec: " + request.body()).isFalse();
        assertThat(body.path("metadata").has("labels") || body.path("metadata").has("annotations")).isFalse();
      } else if (body.isArray()) {
        body.forEach(op -> assertThat(op.path("path").asText()).as(request.body())
            .matches("/metadata/(finalizers.*|resourceVersion)"));
      } else {
        assertThat(body.has("spec") || body.has("status")).as("only the finalizer: " + request.body()).isFalse();
        assertThat(body.path("metadata").has("labels") || body.path("metadata").has("annotations"))
            .as(request.body()).isFalse();
      }
    }
  }

  @Test
  void edits_made_while_a_reconcile_runs_end_in_the_latest_spec_and_generation() {
    operator.create(sample("dev.yaml", "busy", api -> api));
    operator.awaitCondition("busy", Conditions.READY, Conditions.TRUE);
    operator.aws.setLatency(Duration.ofMillis(20));

    for (int memory = 320; memory <= 640; memory += 64) {
      int size = memory;
      operator.edit("busy", api -> {
        api.getSpec().getFunction().setMemorySize(size);
        return api;
      });
    }

    ServerlessApi done = operator.awaitCondition("busy", Conditions.READY, Conditions.TRUE);
    assertThat(done.getStatus().getObservedGeneration()).isEqualTo(done.getMetadata().getGeneration()).isEqualTo(7);
    assertThat(operator.aws.lambda(REGION).getFunctionConfiguration(r -> r.functionName("busy-api-dev").qualifier("dev"))
        .memorySize()).isEqualTo(640);
  }
}
