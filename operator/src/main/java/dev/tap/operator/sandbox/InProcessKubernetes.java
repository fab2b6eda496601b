package dev.tap.operator.sandbox;

import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * A Kubernetes API in this process: fabric8's mock server in CRUD mode, on a loopback port, so the
 * real operator and other tools (kubectl included, see {@link KubectlDispatcher}) can talk to it.
 */
final class InProcessKubernetes implements AutoCloseable {

  private final KubernetesMockServer server;
  private final int port;

  private InProcessKubernetes(KubernetesMockServer server, int port) {
    this.server = server;
    this.port = port;
  }

  static InProcessKubernetes start(PrinterColumns printerColumns) {
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubectlDispatcher(printerColumns), false);
    try {
      int port = freePort();
      server.init(InetAddress.getLoopbackAddress(), port);
      return new InProcessKubernetes(server, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the in-process Kubernetes API", e);
    }
  }

  NamespacedKubernetesClient client() {
    return server.createClient();
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** A kubeconfig for the in-process API: plain HTTP on loopback, no credentials. */
  void writeKubeconfig(Path path) throws IOException {
    Files.writeString(path, """
        apiVersion: v1
        kind: Config
        clusters:
          - name: tap-sandbox
            cluster:
              server: %s
        users:
          - name: tap-sandbox
            user: {}
        contexts:
          - name: tap-sandbox
            context:
              cluster: tap-sandbox
              user: tap-sandbox
              namespace: default
        current-context: tap-sandbox
        """.formatted(url()));
  }

  @Override
  public void close() {
    server.destroy();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
