package dev.tap.operator.function;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.workflow.AwsSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Takes the one step {@link FunctionDelta} named, with one Event per change. Every step but a create
 * has an observed function; moving the alias once it exists is the rollout's.
 */
final class FunctionSteps implements FunctionAction.Visitor<FunctionOutcome> {

  private final ServerlessApi api;
  private final AwsSession session;
  private final FunctionService functions;
  private final DesiredFunction desired;
  private final FunctionOutcome outcome;

  FunctionSteps(ServerlessApi api, AwsSession session, FunctionService functions, DesiredFunction desired,
      FunctionOutcome outcome) {
    this.api = api;
    this.session = session;
    this.functions = functions;
    this.desired = desired;
    this.outcome = outcome;
  }

  @Override
  public FunctionOutcome inSync(FunctionAction.InSync action) {
    return outcome;
  }

  @Override
  public FunctionOutcome waitFor(FunctionAction.Wait action) {
    return outcome;
  }

  @Override
  public FunctionOutcome blocked(FunctionAction.Blocked action) {
    return outcome;
  }

  @Override
  public FunctionOutcome create(FunctionAction.Create action) {
    functions.create(desired);
    session.changed(api, "CreatedFunction", "created Lambda function " + name() + " (" + describe(desired.config()) + ")");
    return outcome;
  }

  @Override
  public FunctionOutcome tag(FunctionAction.Tag tag) {
    functions.tag(outcome.observed().arn(), tag.tags());
    session.changed(api, tag.adopting() ? "AdoptedFunction" : "TaggedFunction", "function " + name() + ": tagged "
        + tag.tags().entrySet().stream().map(t -> t.getKey() + "=" + t.getValue()).collect(Collectors.joining(", ")));
    return outcome;
  }

  @Override
  public FunctionOutcome updateConfiguration(FunctionAction.UpdateConfiguration update) {
    functions.updateConfiguration(name(), update.config(), desired.code().imageUri() != null);
    session.changed(api, "UpdatedFunction", "function " + name() + ": " + changes(outcome.observed().config(),
        update.config()));
    return outcome;
  }

  @Override
  public FunctionOutcome updateCode(FunctionAction.UpdateCode action) {
    functions.updateCode(name(), outcome.observed().arn(), desired.code(), desired.config().architecture());
    session.changed(api, "UpdatedFunctionCode", "function " + name() + ": code from " + desired.code().location()
        + " (" + desired.config().architecture() + ")");
    return outcome;
  }

  @Override
  public FunctionOutcome publish(FunctionAction.Publish action) {
    String version = functions.publish(name(), outcome.observed().codeSha256());
    session.changed(api, "PublishedVersion", "function " + name() + ": published version " + version);
    return outcome;
  }

  @Override
  public FunctionOutcome createAlias(FunctionAction.CreateAlias create) {
    functions.createAlias(name(), desired.alias(), create.version());
    session.changed(api, "CreatedAlias", "function " + name() + ": alias " + desired.alias() + " -> version "
        + create.version());
    return outcome;
  }

  @Override
  public FunctionOutcome awaitRollout(FunctionAction.AwaitRollout action) {
    return outcome;
  }

  @Override
  public FunctionOutcome deleteVersions(FunctionAction.DeleteVersions expired) {
    expired.versions().forEach(version -> functions.deleteVersion(name(), version));
    session.changed(api, "DeletedVersions", "function " + name() + ": deleted old version(s) "
        + String.join(", ", expired.versions()));
    return outcome;
  }

  private String name() {
    return desired.name();
  }

  private static String describe(FunctionConfig config) {
    return (config.runtime() == null ? "image" : config.runtime()) + ", " + config.memorySize() + " MB, "
        + config.timeout() + " s, " + config.architecture();
  }

  /** Which settings change, by name; environment values are never shown (they hold a secret). */
  private static String changes(FunctionConfig from, FunctionConfig to) {
    List<String> changed = new ArrayList<>();
    if (!Objects.equals(from.runtime(), to.runtime())) {
      changed.add("runtime " + from.runtime() + " -> " + to.runtime());
    }
    if (!Objects.equals(from.handler(), to.handler())) {
      changed.add("handler");
    }
    if (!Objects.equals(from.role(), to.role())) {
      changed.add("role " + to.role());
    }
    if (from.memorySize() != to.memorySize()) {
      changed.add("memory " + from.memorySize() + " -> " + to.memorySize() + " MB");
    }
    if (from.timeout() != to.timeout()) {
      changed.add("timeout " + from.timeout() + " -> " + to.timeout() + " s");
    }
    if (!from.environment().equals(to.environment())) {
      changed.add("environment variables " + to.environment().keySet().stream().sorted().collect(Collectors.joining(",")));
    }
    if (!Objects.equals(from.snapStart(), to.snapStart())) {
      changed.add("SnapStart " + to.snapStart());
    }
    return "configuration: " + String.join("; ", changed);
  }
}
