package dev.tap.operator.sandbox;

import dev.tap.operator.validation.CrdSchema;
import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubeapitest.KubeAPITestException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real etcd and kube-apiserver (RBAC on; a client-certificate admin in {@code system:masters}),
 * started by fabric8's kube-api-test from the binaries {@code test-support/kube-binaries.sh} builds,
 * never downloading. kube-api-test runs no controller-manager: nothing garbage-collects owned
 * objects, namespaces never finish deleting, no ServiceAccount token is minted by itself.
 */
public final class RealApiServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RealApiServer.class);
  private static final int STARTS = 3;

  private final KubeAPIServer server;

  private RealApiServer(KubeAPIServer server) {
    this.server = server;
  }

  /** Where kube-api-test looks for the binaries: {@code $KUBE_API_TEST_DIR} or {@code ~/.kubeapitest}. */
  public static Path binariesRoot() {
    String dir = System.getenv(KubeAPIServerConfigBuilder.KUBE_API_TEST_DIR);
    return dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), KubeAPIServerConfigBuilder.DIRECTORY_NAME);
  }

  /** The directory holding kube-apiserver, etcd and kubectl of one release, if one is complete. */
  public static Optional<Path> binaries() {
    Path k8s = binariesRoot().resolve("k8s");
    if (!Files.isDirectory(k8s)) {
      return Optional.empty();
    }
    try (Stream<Path> releases = Files.list(k8s)) {
      return releases.filter(dir -> Stream.of("kube-apiserver", "etcd", "kubectl")
          .allMatch(binary -> Files.isExecutable(dir.resolve(binary)))).sorted().reduce((a, b) -> b);
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  /** The kubectl of the same release as the API server. */
  public static Path kubectl() {
    return binaries().orElseThrow(RealApiServer::missing).resolve("kubectl");
  }

  /**
   * Starts etcd and kube-apiserver with {@code flags} added (such as {@code --event-ttl=5s}). A start
   * whose API server exits at once is made again, up to {@link #STARTS} times, on new ports: kube-api-test
   * picks free ports before the processes bind them, and on a busy machine another process may take one
   * in between (CI once saw "API Server process stopped unexpectedly" at a start).
   */
  public static RealApiServer start(List<String> flags) {
    Path release = binaries().orElseThrow(RealApiServer::missing);
    String version = release.getFileName().toString().replaceFirst("-linux-amd64$", "");
    for (int attempt = 1; ; attempt++) {
      KubeAPIServer server = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
          .withOfflineMode(true).withUpdateKubeConfig(false).withApiServerVersion(version)
          .withTestDir(binariesRoot().toString()).withApiServerFlags(flags).build());
      try {
        server.start();
        return new RealApiServer(server);
      } catch (KubeAPITestException e) {
        stopQuietly(server);
        if (attempt == STARTS) {
          throw e;
        }
        log.warn("the API server did not start ({}); starting it again", e.getMessage());
      }
    }
  }

  private static void stopQuietly(KubeAPIServer server) {
    try {
      server.stop();
    } catch (RuntimeException alreadyGone) {
      // What started of it is stopped; what did not is nothing to stop.
    }
  }

  private static IllegalStateException missing() {
    return new IllegalStateException("no kube-apiserver, etcd and kubectl under " + binariesRoot().resolve("k8s")
        + File.separator + "<version>-linux-amd64: run test-support/kube-binaries.sh (needs Go)");
  }

  /** Applies the CRD server-side as {@code fieldManager} and waits until the API server serves it. */
  public static void installCrd(KubernetesClient admin, String fieldManager) {
    admin.load(RealApiServer.class.getResourceAsStream(CrdSchema.RESOURCE)).fieldManager(fieldManager)
        .forceConflicts().serverSideApply();
    admin.apiextensions().v1().customResourceDefinitions().withName(CrdSchema.NAME)
        .waitUntilCondition(crd -> crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
            && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus())), 30, TimeUnit.SECONDS);
  }

  /** A kubeconfig for the admin (client certificate, system:masters). */
  public String kubeconfig() {
    return server.getKubeConfigYaml();
  }

  public Config adminConfig() {
    return Config.fromKubeconfig(kubeconfig());
  }

  @Override
  public void close() {
    server.stop();
  }
}
