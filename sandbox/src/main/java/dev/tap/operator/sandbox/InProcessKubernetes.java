package dev.tap.operator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tap.operator.validation.CrdSchema;
import dev.tap.operator.validation.ServerlessApiValidator;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.ServerSocket;
import java.util.HashMap;

/**
 * A Kubernetes API in this process: fabric8's mock server in CRUD mode as the store, on a loopback
 * port, which the operator uses directly; and in front of it, for kubectl and every other client of
 * the kubeconfig, an {@link ApiFront} that behaves like a real API server where it matters.
 */
final class InProcessKubernetes implements SandboxKubernetes {

  private final KubernetesMockServer store;
  private final NamespacedKubernetesClient storeClient;
  private final ApiFront front;

  private InProcessKubernetes(KubernetesMockServer store, NamespacedKubernetesClient storeClient, ApiFront front) {
    this.store = store;
    this.storeClient = storeClient;
    this.front = front;
  }

  static InProcessKubernetes start(PrinterColumns printerColumns, JsonNode crd, ServerlessApiValidator validator) {
    KubernetesMockServer store = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new SerializedCrudDispatcher(), false);
    try {
      int port = freePort();
      store.init(InetAddress.getLoopbackAddress(), port);
      NamespacedKubernetesClient storeClient = store.createClient();
      Backend backend = new Backend(URI.create("http://127.0.0.1:" + port));
      ApiFront front = ApiFront.start(backend, storeClient, new ServerlessApiEndpoint(backend, validator),
          new Tables(printerColumns), new OpenApiDocuments(crd));
      return new InProcessKubernetes(store, storeClient, front);
    } catch (IOException e) {
      store.destroy();
      throw new UncheckedIOException("cannot start the in-process Kubernetes API", e);
    }
  }

  /** A client of the store itself, for the operator and the sandbox. */
  @Override
  public NamespacedKubernetesClient client() {
    return storeClient;
  }

  @Override
  public String description() {
    return "Kubernetes API (emulated in this process)";
  }

  @Override
  public boolean serverSideApply() {
    return false;
  }

  @Override
  public void installCrd() {
    storeClient.apiextensions().v1().customResourceDefinitions()
        .load(InProcessKubernetes.class.getResourceAsStream(CrdSchema.RESOURCE)).create();
  }

  /** The store takes objects in any namespace. */
  @Override
  public void ensureNamespace(String namespace) {
  }

  @Override
  public void serveControl(SandboxControl control) {
    front.serveControl(control);
  }

  /** Where kubectl and the kubeconfig's other clients connect: the front. */
  @Override
  public String url() {
    return front.url();
  }

  @Override
  public void close() {
    front.close();
    storeClient.close();
    store.destroy();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
