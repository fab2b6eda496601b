package dev.tap.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.DeployRbac;
import dev.tap.operator.Samples;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AwsEndpoints;
import dev.tap.operator.aws.AwsServices;
import dev.tap.operator.aws.SdkAwsClients;
import dev.tap.operator.status.Conditions;
import dev.tap.testsupport.Moto;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.apigateway.model.Op;

/**
 * Two operator processes of the built jar ({@code run}, as the pods of deploy/ run it: as the
 * ServiceAccount, leader election on, the Lease holder named by HOSTNAME), AWS on moto, one real API
 * server with deploy/ applied: the samples applied with {@code kubectl apply --server-side} reach
 * Ready, new code starts a canary, the holder's {@code kill -9} is survived, dev's deletion leaves
 * nothing of it on AWS, and neither log has a Forbidden.
 */
class TwoOperatorsIT {

  private static final Path JAR = Path.of("target", "tap-operator.jar");
  private static final String REGION = "us-east-1";

  @TempDir
  Path dir;

  @Test
  void two_pods_on_a_real_cluster_share_the_work_through_the_lease_and_survive_the_holders_death() throws Exception {
    RealCluster cluster = RealCluster.get();
    Path admin = Files.writeString(dir.resolve("admin.kubeconfig"), cluster.adminKubeconfig());
    Path operator = Files.writeString(dir.resolve("operator.kubeconfig"), cluster.operatorKubeconfig());
    cluster.admin.resource(new NamespaceBuilder().withNewMetadata().withName("dev").endMetadata().build())
        .createOr(existing -> existing.update());
    List<Process> pods = new ArrayList<>();
    try (Moto moto = Moto.start(); SdkAwsClients aws = new SdkAwsClients(StaticCredentialsProvider.create(
        AwsBasicCredentials.create("test", "test")), new AwsEndpoints(Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString())))) {
      moto.holdFunctionPrerequisites("tap-api-lambda", "tap-artifacts", "handler/tap-handler-1.0.0.jar");
      // Like a fresh account, moto has no API Gateway CloudWatch role, which the sample's logging needs.
      aws.client(AwsServices.API_GATEWAY, REGION).updateAccount(r -> r.patchOperations(p -> p.op(Op.REPLACE)
          .path("/cloudwatchRoleArn").value("arn:aws:iam::123456789012:role/apigateway-cloudwatch-logs")));
      Process podA = pod("pod-a", operator, moto.endpoint());
      pods.add(podA);
      await().atMost(Duration.ofSeconds(60)).until(() -> "pod-a".equals(holder(cluster)));
      Process podB = pod("pod-b", operator, moto.endpoint());
      pods.add(podB);

      RealCluster.kubectl("--kubeconfig", admin.toString(), "apply", "--server-side",
          "-f", Samples.DIRECTORY.resolve("prod.yaml").toString(), "-f", Samples.DIRECTORY.resolve("dev.yaml").toString());
      await().atMost(Duration.ofSeconds(120)).until(() -> ready(cluster, "default") && ready(cluster, "dev"));

      moto.putArtifact("tap-artifacts", "handler/tap-handler-1.0.1.jar", "1.0.1");
      cluster.admin.resources(ServerlessApi.class).inNamespace("default").withName("tap").edit(api -> {
        api.getSpec().getFunction().getCode().setS3Key("handler/tap-handler-1.0.1.jar");
        return api;
      });
      await().atMost(Duration.ofSeconds(60)).until(() -> "1→2 (10%)".equals(serving(cluster)));

      podA.destroyForcibly().waitFor();
      Instant killed = Instant.now();
      await().atMost(Duration.ofSeconds(20)).until(() -> "pod-b".equals(holder(cluster)));
      Duration takeover = Duration.between(killed, Instant.now());
      cluster.admin.resources(ServerlessApi.class).inNamespace("dev").withName("tap").delete();
      await().atMost(Duration.ofSeconds(120))
          .until(() -> cluster.admin.resources(ServerlessApi.class).inNamespace("dev").withName("tap").get() == null);
      System.out.println("pod-b held the Lease " + takeover.toMillis() + " ms after pod-a's kill -9; dev deleted "
          + Duration.between(killed, Instant.now()).toMillis() + " ms after it");

      assertThat(aws.client(AwsServices.DYNAMODB, REGION).listTables().tableNames()).containsExactly("tap-items-prod");
      assertThat(aws.client(AwsServices.LAMBDA, REGION).listFunctions().functions())
          .extracting(f -> f.functionName()).containsExactly("tap-api-prod");
      assertThat(aws.client(AwsServices.API_GATEWAY, REGION).getRestApis().items())
          .extracting(a -> a.name()).noneMatch(name -> name.contains("dev"));
      assertThat("1→2 (10%)").isEqualTo(serving(cluster));
    } finally {
      pods.forEach(Process::destroyForcibly);
      for (Process pod : pods) {
        pod.waitFor();
      }
      cluster.admin.resources(ServerlessApi.class).inAnyNamespace().delete();
    }
    for (String pod : List.of("pod-a", "pod-b")) {
      assertThat(Files.readString(dir.resolve(pod + ".log"))).as(pod + "'s log").doesNotContain("Forbidden")
          .contains("New leader with identity");
    }
  }

  private Process pod(String name, Path kubeconfig, URI aws) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString(), "run", "--health-port",
        String.valueOf(freePort())).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
    builder.environment().putAll(Map.of("KUBECONFIG", kubeconfig.toString(), "HOSTNAME", name,
        "POD_NAMESPACE", DeployRbac.OPERATOR_NAMESPACE, "AWS_ENDPOINT_URL", aws.toString(), "AWS_REGION", "us-east-1",
        "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"));
    return builder.start();
  }

  private static String holder(RealCluster cluster) {
    Lease lease = cluster.admin.leases().inNamespace(DeployRbac.OPERATOR_NAMESPACE).withName("tap-operator").get();
    return lease == null || lease.getSpec().getHolderIdentity() == null ? "" : lease.getSpec().getHolderIdentity();
  }

  private static boolean ready(RealCluster cluster, String namespace) {
    ServerlessApi api = cluster.admin.resources(ServerlessApi.class).inNamespace(namespace).withName("tap").get();
    return api != null && api.getStatus() != null && api.getStatus().getConditions().stream()
        .anyMatch(c -> Conditions.READY.equals(c.getType()) && Conditions.TRUE.equals(c.getStatus()));
  }

  private static String serving(RealCluster cluster) {
    ServerlessApi api = cluster.admin.resources(ServerlessApi.class).inNamespace("default").withName("tap").get();
    return api.getStatus().getFunction() == null ? "" : api.getStatus().getFunction().getServing();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
