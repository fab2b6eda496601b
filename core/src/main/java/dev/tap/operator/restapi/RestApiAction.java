package dev.tap.operator.restapi;

import java.util.List;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;

/** The next step that brings the REST API, its stage and the alias's permission closer to the spec. */
public sealed interface RestApiAction {

  record Create() implements RestApiAction {}

  /** Tags a same-named API that carries no owner tag, taking it over (adoption). */
  record Adopt(String id) implements RestApiAction {}

  /** Import the definition (overwrite), deploy it, and point the stage at the deployment (creating the stage). */
  record Deploy(boolean stageExists) implements RestApiAction {}

  record UpdateStage(List<PatchOperation> patches) implements RestApiAction {}

  /** Let exactly this API invoke the alias; {@code replacing} a statement for another (older) API. */
  record Permit(boolean replacing) implements RestApiAction {}

  record InSync() implements RestApiAction {}

  record Blocked(String reason, String message) implements RestApiAction {}
}
