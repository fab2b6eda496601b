package dev.tap.operator.sandbox;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Kubernetes API the sandbox runs the operator against: a real kube-apiserver ({@link RealKubernetes})
 * or the emulated one in this process ({@link InProcessKubernetes}). Either way one plain-HTTP loopback
 * address serves kubectl and the sandbox's own {@code /sandbox/v1/} endpoints.
 */
interface SandboxKubernetes extends AutoCloseable {

  /** A client with the rights of the cluster's admin, for the operator and the sandbox. */
  KubernetesClient client();

  /** What the progress line calls it. */
  String description();

  /** Whether the API server implements server-side apply (the real one does, the emulated one not). */
  boolean serverSideApply();

  /** Makes the CRD known and ready to serve. */
  void installCrd();

  /** Makes sure the namespace exists (a real API server refuses objects in a missing one). */
  void ensureNamespace(String namespace);

  void serveControl(SandboxControl control);

  /** Where kubectl and the kubeconfig's other clients connect. */
  String url();

  @Override
  void close();

  /** A kubeconfig for {@link #url()}: plain HTTP on loopback, no credentials. */
  default void writeKubeconfig(Path path) throws IOException {
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
}
