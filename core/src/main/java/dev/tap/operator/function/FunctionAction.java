package dev.tap.operator.function;

import java.util.List;
import java.util.Map;

/** The next step that brings the function, its versions and alias closer to the spec. */
public sealed interface FunctionAction {

  <R> R accept(Visitor<R> visitor);

  /** One method per action: a new action does not compile until every visitor handles it. */
  interface Visitor<R> {

    R inSync(InSync action);

    R waitFor(Wait action);

    R blocked(Blocked action);

    R create(Create action);

    R tag(Tag action);

    R updateConfiguration(UpdateConfiguration action);

    R updateCode(UpdateCode action);

    R publish(Publish action);

    R createAlias(CreateAlias action);

    R awaitRollout(AwaitRollout action);

    R deleteVersions(DeleteVersions action);
  }

  record InSync(String version) implements FunctionAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.inSync(this);
    }
  }

  record Wait(String reason) implements FunctionAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.waitFor(this);
    }
  }

  record Blocked(String reason, String message) implements FunctionAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.blocked(this);
    }
  }

  record Create() implements FunctionAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.create(this);
    }
  }

  /** Tags the function; {@code adopting} when this takes over an unowned one. */
  record Tag(Map<String, String> tags, boolean adopting) implements FunctionAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.tag(this);
    }
  }

  record UpdateConfiguration(FunctionConfig config) implements FunctionAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.updateConfiguration(this);
    }
  }

  record UpdateCode() implements FunctionAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.updateCode(this);
    }
  }

  record Publish() implements FunctionAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.publish(this);
    }
  }

  record CreateAlias(String version) implements FunctionAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.createAlias(this);
    }
  }

  /**
   * The function and its versions are in place and the alias is not wholly on {@code target}: moving
   * it is the rollout's job. Retention waits until the rollout is over.
   */
  record AwaitRollout(String target) implements FunctionAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.awaitRollout(this);
    }
  }

  record DeleteVersions(List<String> versions) implements FunctionAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.deleteVersions(this);
    }
  }
}
