package dev.tap.operator.sandbox;

import dev.tap.operator.validation.CrdSchema;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
    admin.load(RealKubernetes.class.getResourceAsStream(CrdSchema.RESOURCE)).fieldManager(FIELD_MANAGER)
        .forceConflicts().serverSideApply();
    admin.apiextensions().v1().customResourceDefinitions().withName(CrdSchema.NAME)
        .waitUntilCondition(crd -> crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
            && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus())), 30, TimeUnit.SECONDS);
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
