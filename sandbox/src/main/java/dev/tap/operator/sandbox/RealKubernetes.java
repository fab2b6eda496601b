package dev.tap.operator.sandbox;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

/**
 * A real kube-apiserver and etcd ({@link RealApiServer}) behind the sandbox's plain-HTTP address
 * ({@link ApiProxy}): kubectl's apply (client and server side), explain, wait, describe and delete
 * behave as on any cluster, and the operator's own {@code run} can be pointed at it.
 */
final class RealKubernetes implements SandboxKubernetes {

  private static final String FIELD_MANAGER = "tap-sandbox";

  private final RealApiServer server;
  private final KubernetesClient admin;
  private final ApiProxy proxy;

  private RealKubernetes(RealApiServer server, KubernetesClient admin, ApiProxy proxy) {
    this.server = server;
    this.admin = admin;
    this.proxy = proxy;
  }

  static boolean available() {
    return RealApiServer.binaries().isPresent();
  }

  static RealKubernetes start() {
    RealApiServer server = RealApiServer.start(List.of());
    KubernetesClient admin = new KubernetesClientBuilder().withConfig(server.adminConfig()).build();
    try {
      ApiProxy proxy = ApiProxy.start(admin.getHttpClient(), URI.create(admin.getConfiguration().getMasterUrl()));
      return new RealKubernetes(server, admin, proxy);
    } catch (IOException e) {
      admin.close();
      server.close();
      throw new UncheckedIOException("cannot serve the real API server on loopback", e);
    }
  }

  @Override
  public KubernetesClient client() {
    return admin;
  }

  @Override
  public String description() {
    return "Kubernetes API (kube-apiserver " + RealApiServer.binaries().map(p -> p.getFileName().toString()
        .replaceFirst("-linux-amd64$", "")).orElse("?") + " with etcd)";
  }

  @Override
  public boolean serverSideApply() {
    return true;
  }

  @Override
  public void installCrd() {
    RealApiServer.installCrd(admin, FIELD_MANAGER);
  }

  @Override
  public void ensureNamespace(String namespace) {
    admin.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .fieldManager(FIELD_MANAGER).serverSideApply();
  }

  @Override
  public void serveControl(SandboxControl control) {
    proxy.serveControl(control);
  }

  @Override
  public String url() {
    return proxy.url();
  }

  @Override
  public void close() {
    proxy.close();
    admin.close();
    server.close();
  }
}
