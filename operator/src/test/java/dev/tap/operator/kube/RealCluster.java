package dev.tap.operator.kube;

import dev.tap.operator.DeployRbac;
import dev.tap.operator.sandbox.RealApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * One real kube-apiserver and etcd for every test of this JVM (a start costs seconds), set up as
 * users set up a cluster: the CRD from crds/ and deploy/ rendered by kustomize, both applied
 * server-side by the admin. Events expire after {@link #EVENT_TTL} so that tests can see it happen.
 * The operator acts as its ServiceAccount, with a token from the TokenRequest API.
 */
public final class RealCluster {

  public static final String EVENT_TTL = "4s";
  private static final String FIELD_MANAGER = "tap-tests";
  private static RealCluster shared;

  private final RealApiServer server;
  public final KubernetesClient admin;

  private RealCluster(RealApiServer server) {
    this.server = server;
    this.admin = new KubernetesClientBuilder().withConfig(server.adminConfig()).build();
  }

  /** The cluster of this JVM, started and set up on first use; stopped when the JVM exits. */
  public static synchronized RealCluster get() {
    if (shared == null) {
      RealApiServer server = RealApiServer.start(List.of("--event-ttl=" + EVENT_TTL));
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "kube-apiserver-stop"));
      RealCluster cluster = new RealCluster(server);
      RealApiServer.installCrd(cluster.admin, FIELD_MANAGER);
      cluster.applyDeploy();
      shared = cluster;
    }
    return shared;
  }

  /** deploy/ as {@code kubectl apply -k deploy --server-side} would apply it. */
  private void applyDeploy() {
    String rendered = kubectl("kustomize", Path.of("..", "deploy").toString());
    List<HasMetadata> objects = admin.load(new ByteArrayInputStream(rendered.getBytes(StandardCharsets.UTF_8))).items();
    objects.stream().filter(o -> o.getKind().equals("Namespace"))
        .forEach(o -> admin.resource(o).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply());
    objects.stream().filter(o -> !o.getKind().equals("Namespace"))
        .forEach(o -> admin.resource(o).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply());
  }

  /** Runs this release's kubectl; its output. */
  public static String kubectl(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of(RealApiServer.kubectl().toString()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A kubeconfig of the admin. */
  public String adminKubeconfig() {
    return server.kubeconfig();
  }

  /** How the operator's pod reaches the API server: as deploy/'s ServiceAccount, with a bound token. */
  public Config operatorConfig() {
    return serviceAccountConfig(DeployRbac.OPERATOR_NAMESPACE, "tap-operator");
  }

  /** A kubeconfig for {@link #operatorConfig()}, for an operator process. */
  public String operatorKubeconfig() {
    return serviceAccountKubeconfig(DeployRbac.OPERATOR_NAMESPACE, "tap-operator");
  }

  /** As a ServiceAccount, with a bound token of an hour. */
  public Config serviceAccountConfig(String namespace, String name) {
    String token = admin.serviceAccounts().inNamespace(namespace).withName(name)
        .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
        .getStatus().getToken();
    Config admin = server.adminConfig();
    return new ConfigBuilder(Config.empty()).withMasterUrl(admin.getMasterUrl()).withCaCertFile(admin.getCaCertFile())
        .withOauthToken(token).withNamespace(namespace).build();
  }

  /** A kubeconfig for {@link #serviceAccountConfig}, for a process or a kubectl plugin. */
  public String serviceAccountKubeconfig(String namespace, String name) {
    Config config = serviceAccountConfig(namespace, name);
    return """
        apiVersion: v1
        kind: Config
        clusters: [{name: real, cluster: {server: "%s", certificate-authority: "%s"}}]
        users: [{name: %s, user: {token: "%s"}}]
        contexts: [{name: real, context: {cluster: real, user: %s, namespace: %s}}]
        current-context: real
        """.formatted(config.getMasterUrl(), config.getCaCertFile(), name, config.getOauthToken(), name, namespace);
  }
}
