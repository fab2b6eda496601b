package dev.tap.operator.function;

import dev.tap.operator.api.v1alpha1.DeploymentStrategy;
import dev.tap.operator.aws.AdoptionPolicy;
import dev.tap.operator.naming.OwnerTags;
import dev.tap.operator.naming.Ownership;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares the desired and the observed function and names the one next step, in a fixed order:
 * create; ownership; wait while Lambda is busy; configuration; code (neither repeated when Lambda
 * abandoned that very update, {@code lastUpdateAttempt}); tags; publish (only when $LATEST holds what
 * no published version holds); the alias; retention. Pure: no I/O.
 */
public final class FunctionDelta {

  private FunctionDelta() {}

  public static FunctionAction next(DesiredFunction desired, Optional<ObservedFunction> maybeObserved,
      AdoptionPolicy adoption, String lastUpdateAttempt) {
    if (maybeObserved.isEmpty()) {
      return adoption.creates() ? new FunctionAction.Create() : new FunctionAction.Blocked("NothingToAdopt", "function "
          + desired.name() + " does not exist, and the adoption policy 'adopt' only takes over existing resources; use"
          + " services.k8s.aws/adoption-policy: adopt-or-create to create it");
    }
    ObservedFunction observed = maybeObserved.get();
    Ownership ownership = Ownership.of(observed.tags(), desired.owner(), adoption);
    Optional<FunctionAction> notOurs = switch (ownership.kind()) {
      case OURS -> Optional.empty();
      case FOREIGN -> Optional.of(new FunctionAction.Blocked("OwnedByAnother", "function " + desired.name()
          + " belongs to " + ownership.owner() + " (tag " + OwnerTags.OWNER + "), not to " + desired.owner()));
      case UNTAGGED -> Optional.of(new FunctionAction.Blocked("NotOwned", "function " + desired.name() + " exists"
          + " without the tag " + OwnerTags.OWNER + "=" + desired.owner() + "; it is left untouched. To manage it,"
          + " annotate the resource with services.k8s.aws/adoption-policy: adopt"));
      case ADOPTABLE -> Optional.of(new FunctionAction.Tag(desired.tags(), true));
    };
    if (notOurs.isPresent()) {
      return notOurs.get();
    }
    if ("Pending".equals(observed.state())) {
      return new FunctionAction.Wait("function " + desired.name() + " is Pending");
    }
    if ("InProgress".equals(observed.lastUpdateStatus())) {
      return new FunctionAction.Wait("an update of function " + desired.name() + " is in progress");
    }
    boolean configurationMatches = configurationMatches(desired.config(), observed.config());
    if ((!configurationMatches || !codeMatches(desired, observed)) && "Failed".equals(observed.lastUpdateStatus())
        && desired.updateDigest().equals(lastUpdateAttempt)) {
      return new FunctionAction.Blocked("UpdateFailed", "Lambda abandoned the update of function " + desired.name() + ": "
          + observed.lastUpdateStatusReason() + "; the function keeps its previous code and configuration and the alias"
          + " its version. The same update is not sent again: change spec.function to try another");
    }
    if (!configurationMatches) {
      return new FunctionAction.UpdateConfiguration(desired.config());
    }
    if (!codeMatches(desired, observed)) {
      return new FunctionAction.UpdateCode();
    }
    Map<String, String> missingTags = new LinkedHashMap<>();
    desired.tags().forEach((key, value) -> {
      if (!value.equals(observed.tags().get(key))) {
        missingTags.put(key, value);
      }
    });
    if (!missingTags.isEmpty()) {
      return new FunctionAction.Tag(missingTags, false);
    }
    return versionAndAlias(desired, observed);
  }

  private static FunctionAction versionAndAlias(DesiredFunction desired, ObservedFunction observed) {
    ObservedFunction.Version target;
    if (desired.pinnedVersion() != null) {
      Optional<ObservedFunction.Version> pinned = observed.version(desired.pinnedVersion());
      if (pinned.isEmpty()) {
        return new FunctionAction.Blocked("VersionNotFound", "spec.function.version " + desired.pinnedVersion()
            + " is not a published version of " + desired.name());
      }
      target = pinned.get();
    } else {
      Optional<ObservedFunction.Version> published = observed.publishedLatest();
      if (published.isEmpty()) {
        return new FunctionAction.Publish();
      }
      target = published.get();
    }
    if (!"Active".equals(target.state())) {
      return new FunctionAction.Wait("version " + target.number() + " is " + target.state());
    }
    if (observed.alias().isEmpty()) {
      return new FunctionAction.CreateAlias(target.number());
    }
    ObservedFunction.Alias alias = observed.alias().get();
    if (!alias.version().equals(target.number()) || !alias.weights().isEmpty()) {
      return new FunctionAction.AwaitRollout(target.number());
    }
    List<String> expired = expired(desired, observed, target.number());
    return expired.isEmpty() ? new FunctionAction.InSync(target.number()) : new FunctionAction.DeleteVersions(expired);
  }

  /** Old versions to delete: those no one routes to, beyond the newest {@code keepVersions} of them. */
  private static List<String> expired(DesiredFunction desired, ObservedFunction observed, String target) {
    if (desired.keepVersions() == null) {
      return List.of();
    }
    Set<String> routed = new HashSet<>();
    routed.add(target);
    observed.alias().ifPresent(a -> {
      routed.add(a.version());
      routed.addAll(a.weights().keySet());
    });
    return observed.versions().stream().filter(v -> !routed.contains(v.number()))
        .sorted(Comparator.comparingInt(ObservedFunction.Version::numeric).reversed())
        .skip(desired.keepVersions()).map(ObservedFunction.Version::number)
        .sorted(Comparator.comparingInt(Integer::parseInt)).toList();
  }

  /** Everything but the architecture, which Lambda sets with the code. */
  private static boolean configurationMatches(FunctionConfig desired, FunctionConfig observed) {
    return desired.sameButArchitecture(observed);
  }

  private static boolean codeMatches(DesiredFunction desired, ObservedFunction observed) {
    if (!desired.config().architecture().equals(observed.config().architecture())) {
      return false;
    }
    if (desired.code().imageUri() != null) {
      return desired.code().imageUri().equals(observed.imageUri());
    }
    return desired.code().tagValue(observed.codeSha256()).equals(observed.tags().get(CodeRef.TAG));
  }
}
