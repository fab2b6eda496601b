package dev.tap.operator.function;

import dev.tap.operator.api.v1alpha1.DeploymentStrategy;
import dev.tap.operator.naming.Digest;
import java.util.Map;
import java.util.TreeMap;

/**
 * The function a ServerlessApi asks for: name, configuration, code, tags, the environment's alias,
 * an optional pinned version, how many old versions to keep (null: all), and how a new version reaches
 * the alias.
 */
public record DesiredFunction(String name, FunctionConfig config, CodeRef code, Map<String, String> tags, String owner,
    String alias, String pinnedVersion, Integer keepVersions, DeploymentStrategy strategy) {

  /** Names the code and configuration asked for, without the page-token key's value (it goes into status). */
  String updateDigest() {
    Map<String, String> environment = new TreeMap<>(config.environment());
    environment.remove(PageTokenKey.VARIABLE);
    return Digest.sha256Base64(String.join("|", config.runtime(), config.handler(), config.role(),
        Integer.toString(config.memorySize()), Integer.toString(config.timeout()), config.architecture(),
        config.snapStart(), environment.toString(), code.location()));
  }
}
