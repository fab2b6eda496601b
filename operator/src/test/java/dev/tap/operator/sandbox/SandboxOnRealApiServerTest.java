package dev.tap.operator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.Samples;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.kube.RealCluster;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sandbox --serve --api-server real}: a real kube-apiserver behind the sandbox's one plain-HTTP
 * address. kubectl (of the same release) works unchanged against its kubeconfig, a fabric8 informer
 * (what {@code run} starts with) syncs and sees changes, and the sandbox's own endpoints answer there too.
 */
class SandboxOnRealApiServerTest {

  @TempDir
  static Path dir;

  private static final StringWriter output = new StringWriter();
  private static final CountDownLatch stop = new CountDownLatch(1);
  private static CompletableFuture<Integer> sandbox;
  private static Path kubeconfig;

  @BeforeAll
  static void serve() {
    kubeconfig = dir.resolve("real.kubeconfig");
    Sandbox.Options options = new Sandbox.Options(List.of(Samples.DIRECTORY.resolve("dev.yaml")), Duration.ofSeconds(60),
        false, true, kubeconfig, Sandbox.ApiServer.REAL);
    sandbox = CompletableFuture.supplyAsync(() -> {
      try {
        return new Sandbox(options, new PrintWriter(output, true), Map.of()).run(stop);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    await().atMost(Duration.ofSeconds(120)).until(() -> sandbox.isDone() || output.toString().contains("Serving"));
    assertThat(output.toString()).contains("kube-apiserver").contains("Serving");
  }

  @AfterAll
  static void stopSandbox() throws Exception {
    stop.countDown();
    assertThat(sandbox.get()).as(output.toString()).isZero();
  }

  private static String kubectl(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--kubeconfig";
    all[1] = kubeconfig.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return RealCluster.kubectl(all);
  }

  @Test
  void kubectl_applies_waits_explains_describes_and_deletes_as_on_any_cluster() {
    assertThat(kubectl("get", "serverlessapis", "-n", "dev")).containsPattern("tap\\s+True\\s+dev");
    kubectl("create", "namespace", "staging");
    kubectl("apply", "--server-side", "-f", Samples.DIRECTORY.resolve("staging.yaml").toString());
    assertThat(kubectl("wait", "--for=condition=Ready", "serverlessapi/tap", "-n", "staging", "--timeout=90s"))
        .contains("condition met");
    kubectl("apply", "-f", Samples.DIRECTORY.resolve("prod.yaml").toString());
    assertThat(kubectl("wait", "--for=condition=Ready", "serverlessapi/tap", "-n", "default", "--timeout=90s"))
        .contains("condition met");
    assertThat(kubectl("explain", "serverlessapi.spec.table.partitionKey")).contains("name").contains("type");
    assertThat(kubectl("describe", "serverlessapi", "tap", "-n", "staging")).contains("Ready").contains("Events:");
    assertThat(kubectl("delete", "-f", Samples.DIRECTORY.resolve("staging.yaml").toString(), "--wait=true",
        "--timeout=90s")).contains("deleted");
  }

  @Test
  void an_informer_through_the_sandbox_syncs_and_sees_changes() throws Exception {
    Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      List<String> seen = new CopyOnWriteArrayList<>();
      SharedIndexInformer<ServerlessApi> informer = client.resources(ServerlessApi.class).inAnyNamespace()
          .inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(ServerlessApi api) {
              seen.add("added " + api.getMetadata().getNamespace());
            }

            @Override
            public void onUpdate(ServerlessApi before, ServerlessApi after) {
              seen.add("updated " + after.getMetadata().getNamespace());
            }

            @Override
            public void onDelete(ServerlessApi api, boolean unknown) {
            }
          });
      try {
        await().atMost(Duration.ofSeconds(30)).until(informer::hasSynced);
        assertThat(seen).contains("added dev");
        client.resources(ServerlessApi.class).inNamespace("dev").withName("tap").edit(api -> {
          api.getMetadata().setAnnotations(Map.of("touched", "yes"));
          return api;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> seen.contains("updated dev"));
      } finally {
        informer.close();
      }
    }
  }

  @Test
  void the_sandbox_endpoints_answer_on_the_same_address() throws Exception {
    String server = Files.readString(kubeconfig).lines().filter(l -> l.trim().startsWith("server:")).findFirst()
        .orElseThrow().trim().substring("server:".length()).trim();
    HttpResponse<String> aws = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server)
        .resolve("/sandbox/v1/aws")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(aws.statusCode()).isEqualTo(200);
    assertThat(aws.body()).contains("inventory").contains("tap-items-dev");
  }
}
