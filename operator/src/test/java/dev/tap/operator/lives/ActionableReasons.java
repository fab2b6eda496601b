package dev.tap.operator.lives;

import java.util.Set;

/**
 * The reasons a settled resource may give for not being Ready, because a human can act on each: they
 * name what to change (in the spec, in AWS, or with kubectl tap). Anything else once the world has
 * settled (a retry that never ends, an unknown reason) is a violation. README's "Random lives" lists them.
 */
final class ActionableReasons {

  static final Set<String> TERMINAL = Set.of(
      "InvalidSpec", "ImmutableFieldChanged", "NoRegion", "NameCollision",
      "OwnedByAnother", "NotOwned", "NothingToAdopt", "AmbiguousAdoption", "DuplicateApis",
      "KeySchemaMismatch", "IndexMismatch", "VersionNotFound", "SecretNotFound", "NoFunction", "NoCloudWatchRole",
      "UpdateFailed", "RolledBack", "DeletionProtected", "ScalableTargetQuota");

  /** A rollout held by a person: {@code kubectl tap resume} (or the spec's paused: false) moves it on. */
  static final String PAUSED = "Paused";

  private ActionableReasons() {}
}
