package dev.tap.operator.function;

import java.util.List;
import java.util.Map;

/** The next step that brings the function, its versions and alias closer to the spec. */
public sealed interface FunctionAction {

  record InSync(String version) implements FunctionAction {}

  record Wait(String reason) implements FunctionAction {}

  record Blocked(String reason, String message) implements FunctionAction {}

  record Create() implements FunctionAction {}

  /** Tags the function; {@code adopting} when this takes over an unowned one. */
  record Tag(Map<String, String> tags, boolean adopting) implements FunctionAction {}

  record UpdateConfiguration(FunctionConfig config) implements FunctionAction {}

  record UpdateCode() implements FunctionAction {}

  record Publish() implements FunctionAction {}

  record CreateAlias(String version) implements FunctionAction {}

  /**
   * The function and its versions are in place and the alias is not wholly on {@code target}: moving
   * it is the rollout's job. Retention waits until the rollout is over.
   */
  record AwaitRollout(String target) implements FunctionAction {}

  record DeleteVersions(List<String> versions) implements FunctionAction {}
}
