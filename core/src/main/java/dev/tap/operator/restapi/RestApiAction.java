package dev.tap.operator.restapi;

import java.util.List;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;

/** The next step that brings the REST API, its stage and the alias's permission closer to the spec. */
public sealed interface RestApiAction {

  <R> R accept(Visitor<R> visitor);

  /** One method per action: a new action does not compile until every visitor handles it. */
  interface Visitor<R> {

    R create(Create action);

    R adopt(Adopt action);

    R deploy(Deploy action);

    R updateStage(UpdateStage action);

    R permit(Permit action);

    R inSync(InSync action);

    R blocked(Blocked action);
  }

  record Create() implements RestApiAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.create(this);
    }
  }

  /** Tags a same-named API that carries no owner tag, taking it over (adoption). */
  record Adopt(String id) implements RestApiAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.adopt(this);
    }
  }

  /** Import the definition (overwrite), deploy it, and point the stage at the deployment (creating the stage). */
  record Deploy(boolean stageExists) implements RestApiAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.deploy(this);
    }
  }

  record UpdateStage(List<PatchOperation> patches) implements RestApiAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.updateStage(this);
    }
  }

  /** Let exactly this API invoke the alias; {@code replacing} a statement for another (older) API. */
  record Permit(boolean replacing) implements RestApiAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.permit(this);
    }
  }

  record InSync() implements RestApiAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.inSync(this);
    }
  }

  record Blocked(String reason, String message) implements RestApiAction {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.blocked(this);
    }
  }
}
