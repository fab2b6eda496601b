package dev.tap.operator.cli.plugin;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A kubectl tap command on one ServerlessApi: found in the cluster and namespace its flags name; a
 * missing resource or an unreachable cluster is one line and exit 1.
 */
abstract class ResourceCommand implements Callable<Integer> {

  @Parameters(arity = "1", paramLabel = "NAME", description = "The ServerlessApi's name.")
  String name;

  @Mixin
  ClusterOptions cluster;

  @Spec
  CommandSpec spec;

  /** What the command does with the resource as the server holds it now; answers the exit code. */
  abstract int run(Resource<ServerlessApi> resource, ServerlessApi api, PrintWriter out) throws Exception;

  @Override
  public Integer call() throws Exception {
    try (KubernetesClient client = cluster.client()) {
      String namespace = cluster.namespace(client);
      Resource<ServerlessApi> resource = client.resources(ServerlessApi.class).inNamespace(namespace).withName(name);
      ServerlessApi api = resource.get();
      if (api == null) {
        return fail("no ServerlessApi " + namespace + "/" + name);
      }
      PrintWriter out = spec.commandLine().getOut();
      int exit = run(resource, api, out);
      out.flush();
      return exit;
    } catch (KubernetesClientException e) {
      return fail(e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
          : e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()));
    }
  }

  /** Says why, in one line on stderr; answers the exit code. */
  int fail(String message) {
    spec.commandLine().getErr().println("kubectl tap " + spec.name() + ": " + message);
    spec.commandLine().getErr().flush();
    return 1;
  }

  static String id(ServerlessApi api) {
    return api.getMetadata().getNamespace() + "/" + api.getMetadata().getName();
  }
}
