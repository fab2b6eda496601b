package dev.tap.operator.function;

import dev.tap.operator.api.v1alpha1.DeploymentStrategy;
import java.util.Map;

/**
 * The function a ServerlessApi asks for: name, configuration, code, tags, the environment's alias,
 * an optional pinned version, how many old versions to keep (null: all), and how a new version reaches
 * the alias.
 */
public record DesiredFunction(String name, FunctionConfig config, CodeRef code, Map<String, String> tags, String owner,
    String alias, String pinnedVersion, Integer keepVersions, DeploymentStrategy strategy) {
}
