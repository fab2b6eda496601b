package dev.tap.operator.cli.plugin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tap.operator.api.v1alpha1.RolloutStatus;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.rollout.RolloutCommands;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.PrintWriter;
import java.time.Instant;

/**
 * A kubectl tap command that asks the operator something through one annotation of the resource (never
 * its spec), and says in one line what it asked.
 */
abstract class AskCommand extends ResourceCommand {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The annotation to set (a null value removes it), or why there is nothing to ask. */
  record Ask(String annotation, String value, String said, String refusal) {
    static Ask refused(String why) {
      return new Ask(null, null, null, why);
    }
  }

  abstract Ask ask(ServerlessApi api);

  @Override
  int run(Resource<ServerlessApi> resource, ServerlessApi api, PrintWriter out) {
    Ask ask = ask(api);
    if (ask.refusal() != null) {
      return fail(id(api) + ": " + ask.refusal());
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
    out.println(id(api) + ": " + ask.said());
    return 0;
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
