package dev.tap.operator.cli.plugin;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which cluster and namespace: kubectl passes a plugin none of its global flags, so the plugin takes its own. */
final class ClusterOptions {

  @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
      description = "The resource's namespace (default: the context's, else default).")
  String namespace;

  @Option(names = "--context", paramLabel = "CONTEXT", description = "The kubeconfig context to use.")
  String context;

  @Option(names = "--kubeconfig", paramLabel = "PATH", description = "The kubeconfig file (default: $KUBECONFIG or ~/.kube/config).")
  Path kubeconfig;

  KubernetesClient client() throws IOException {
    Config config = kubeconfig == null ? Config.autoConfigure(context)
        : Config.fromKubeconfig(context, Files.readString(kubeconfig), kubeconfig.toString());
    // One retry, not the client's ten with backoff: a person waits for the answer, and a cluster that is
    // down should say so in a second or two.
    config.setRequestRetryBackoffLimit(1);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  String namespace(KubernetesClient client) {
    if (namespace != null) {
      return namespace;
    }
    String configured = client.getConfiguration().getNamespace();
    return configured == null ? "default" : configured;
  }
}
