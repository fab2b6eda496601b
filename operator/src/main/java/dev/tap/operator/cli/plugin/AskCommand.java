package dev.tap.operator.cli.plugin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tap.operator.api.v1alpha1.RolloutStatus;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.rollout.RolloutCommands;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A kubectl tap command that asks the operator something through one annotation of the resource (never
 * its spec), and says in one line what it asked.
 */
abstract class AskCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(arity = "1", paramLabel = "NAME", description = "The ServerlessApi's name.")
  String name;

  @Mixin
  ClusterOptions cluster;

  @Spec
  CommandSpec spec;

  /** The annotation to set (a null value removes it), or why there is nothing to ask. */
  record Ask(String annotation, String value, String said, String refusal) {
    static Ask refused(String why) {
      return new Ask(null, null, null, why);
    }
  }

  abstract Ask ask(ServerlessApi api);

  @Override
  public Integer call() throws Exception {
    try (KubernetesClient client = cluster.client()) {
      String namespace = cluster.namespace(client);
      var resource = client.resources(ServerlessApi.class).inNamespace(namespace).withName(name);
      ServerlessApi api = resource.get();
      if (api == null) {
        return fail("no ServerlessApi " + namespace + "/" + name);
      }
      Ask ask = ask(api);
      String id = namespace + "/" + name;
      if (ask.refusal() != null) {
        return fail(id + ": " + ask.refusal());
      }
      // A merge patch of the one annotation, on whatever version the server holds: the operator writes
      // status all along, and a command must not fail for that.
      ObjectNode patch = JSON.createObjectNode();
      ObjectNode annotations = patch.putObject("metadata").putObject("annotations");
      if (ask.value() == null) {
        annotations.putNull(ask.annotation());
      } else {
        annotations.put(ask.annotation(), ask.value());
      }
      resource.patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
      spec.commandLine().getOut().println(id + ": " + ask.said());
      spec.commandLine().getOut().flush();
      return 0;
    } catch (KubernetesClientException e) {
      return fail(e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
          : e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()));
    }
  }

  private int fail(String message) {
    spec.commandLine().getErr().println("kubectl tap " + spec.name() + ": " + message);
    spec.commandLine().getErr().flush();
    return 1;
  }

  /** A one-shot command for the version {@code status.rollout} names, in {@code phase}. */
  static Ask oneShot(ServerlessApi api, String command, String phase, String said) {
    RolloutStatus rollout = api.getStatus() == null ? null : api.getStatus().getRollout();
    if (rollout == null || !phase.equals(rollout.getPhase()) || rollout.getTargetVersion() == null) {
      return Ask.refused("no rollout " + (phase.equals(RolloutStatus.PROGRESSING) ? "in progress" : "rolled back")
          + " (status.rollout.phase " + (rollout == null ? "none" : rollout.getPhase()) + "); nothing asked");
    }
    String version = rollout.getTargetVersion();
    return new Ask(RolloutCommands.PREFIX + command, version + "/" + Instant.now(), String.format(said, version), null);
  }
}
