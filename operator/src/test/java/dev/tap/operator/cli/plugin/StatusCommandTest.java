package dev.tap.operator.cli.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.CanaryAtFirstStep;
import dev.tap.operator.Samples;
import dev.tap.operator.api.v1alpha1.AlarmStatus;
import dev.tap.operator.api.v1alpha1.FunctionStatus;
import dev.tap.operator.api.v1alpha1.RolloutStatus;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.api.v1alpha1.ServerlessApiStatus;
import dev.tap.operator.cli.TapOperatorCommand;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kubectl tap status}: read from the cluster the plugin's own flags name, once and with -w. */
@EnableKubernetesMockClient(crud = true, https = false)
class StatusCommandTest {

  KubernetesClient client;

  @TempDir
  Path dir;

  private Path kubeconfig;
  private final StringWriter out = new StringWriter();

  @BeforeEach
  void cluster() throws Exception {
    kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters: [{name: mock, cluster: {server: "%s"}}]
        users: [{name: mock, user: {token: x}}]
        contexts: [{name: mock, context: {cluster: mock, user: mock, namespace: elsewhere}}]
        current-context: mock
        """.formatted(client.getConfiguration().getMasterUrl()));
    ServerlessApi api = Serialization.unmarshal(Files.readString(Samples.DIRECTORY.resolve("prod.yaml")), ServerlessApi.class);
    api.setStatus(canary(Instant.now().minusSeconds(60)));
    client.resource(api).create();
  }

  private static ServerlessApiStatus canary(Instant stepStarted) {
    ServerlessApiStatus status = new ServerlessApiStatus();
    status.setConditions(List.of(new ConditionBuilder().withType("Ready").withStatus("False").withReason("RollingOut")
        .withMessage("version 2 at step 1 with 10% of traffic").build()));
    FunctionStatus function = new FunctionStatus();
    function.setServing("1→2 (10%)");
    function.setTargetVersion("2");
    status.setFunction(function);
    RolloutStatus rollout = CanaryAtFirstStep.rollout();
    rollout.setStepStartedAt(stepStarted.toString());
    status.setRollout(rollout);
    AlarmStatus alarm = new AlarmStatus();
    alarm.setName("tap-lambda-errors-prod");
    alarm.setState("OK");
    status.setAlarms(List.of(alarm));
    return status;
  }

  private int tap(String... args) {
    CommandLine command = TapOperatorCommand.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(out, true));
    return command.execute(args);
  }

  @Test
  void status_shows_the_step_the_next_steps_time_and_the_alarms() {
    int exit = tap("tap", "status", "tap", "-n", "default", "--kubeconfig", kubeconfig.toString());

    assertThat(exit).as(out.toString()).isZero();
    assertThat(out.toString()).contains("default/tap  Ready False (RollingOut: version 2 at step 1 with 10% of traffic)")
        .contains("serving   1→2 (10%)")
        .contains("rollout   Progressing: version 2 over 1, step 1 at 10 %; next step at ")
        .containsPattern("\\(in 3m 5\\ds\\)")
        .contains("alarms    tap-lambda-errors-prod OK");
  }

  @Test
  void a_name_not_in_the_contexts_namespace_is_not_found_and_said_so() {
    int exit = tap("tap", "status", "tap", "--kubeconfig", kubeconfig.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).contains("no ServerlessApi elsewhere/tap");
  }

  @Test
  void an_unreachable_cluster_is_one_line_not_a_stack_trace() throws Exception {
    Path nowhere = dir.resolve("nowhere");
    Files.writeString(nowhere, Files.readString(kubeconfig).replace(client.getConfiguration().getMasterUrl(),
        "http://127.0.0.1:1/"));

    int exit = tap("tap", "status", "tap", "--kubeconfig", nowhere.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).startsWith("kubectl tap status: ").doesNotContain("\tat ");
  }

  @Test
  void watch_prints_each_change_until_the_resource_is_gone() {
    CompletableFuture<Integer> watching = CompletableFuture.supplyAsync(() -> tap("tap", "status", "tap", "-w", "-n",
        "default", "--kubeconfig", kubeconfig.toString()));
    await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("serving   1→2 (10%)"));

    var resource = client.resources(ServerlessApi.class).inNamespace("default").withName("tap");
    ServerlessApi promoted = resource.get();
    promoted.getStatus().getFunction().setServing("2");
    promoted.getStatus().getRollout().setPhase("Succeeded");
    resource.patchStatus(promoted);
    await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("serving   2"));
    resource.delete();

    assertThat(watching.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join()).isZero();
    assertThat(out.toString()).contains("rollout   Succeeded: version 2 over 1").contains("tap was deleted");
  }
}
