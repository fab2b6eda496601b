package dev.tap.operator.restapi;

import dev.tap.operator.api.v1alpha1.ApiStatus;
import dev.tap.operator.api.v1alpha1.ServerlessApiStatus;
import dev.tap.operator.workflow.DependentOutcome;
import java.time.Duration;
import java.util.Optional;

/** What the REST API dependent saw (null: no API yet) and the one step it took. */
public record RestApiOutcome(ObservedApi observed, RestApiAction action, String region, String stageName)
    implements DependentOutcome {

  /** After a change, the next pass follows soon. */
  static final Duration NEXT_STEP = Duration.ofSeconds(1);

  @Override
  public boolean ready() {
    return action instanceof RestApiAction.InSync;
  }

  @Override
  public String progress() {
    if (action instanceof RestApiAction.Create) {
      return "creating the REST API";
    }
    if (action instanceof RestApiAction.Adopt adopt) {
      return "adopting REST API " + adopt.id();
    }
    if (action instanceof RestApiAction.Deploy) {
      return "deploying the API definition to stage " + stageName;
    }
    if (action instanceof RestApiAction.UpdateStage) {
      return "applying the settings of stage " + stageName;
    }
    if (action instanceof RestApiAction.Permit) {
      return "letting the API invoke the function's alias";
    }
    return ready() ? "the API is in sync" : "waiting for the API";
  }

  @Override
  public Optional<Duration> lookAgainIn() {
    return ready() || action instanceof RestApiAction.Blocked ? Optional.empty() : Optional.of(NEXT_STEP);
  }

  @Override
  public Optional<String> adopted() {
    return action instanceof RestApiAction.Adopt adopt ? Optional.of("REST API " + adopt.id()) : Optional.empty();
  }

  @Override
  public Optional<Blocked> blocked() {
    return action instanceof RestApiAction.Blocked blocked ? Optional.of(new Blocked(blocked.reason(), blocked.message()))
        : Optional.empty();
  }

  /** {@code status.api}: id, invoke URL, deployment, definition hash and stage settings, as AWS holds them. */
  @Override
  public void writeStatus(ServerlessApiStatus status) {
    if (observed == null) {
      return;
    }
    ApiStatus api = new ApiStatus();
    api.setId(observed.id());
    api.setStageName(stageName);
    api.setInvokeUrl(invokeUrl(observed.id(), region, stageName));
    observed.stage().ifPresent(stage -> {
      api.setDeploymentId(stage.deploymentId());
      api.setDefinitionHash(stage.definitionHash());
      api.setRateLimit(stage.settings().rateLimit());
      api.setBurstLimit(stage.settings().burstLimit());
      api.setLoggingLevel(stage.settings().loggingLevel());
      api.setDataTraceEnabled(stage.settings().dataTrace());
      api.setMetricsEnabled(stage.settings().metrics());
      api.setTracingEnabled(stage.settings().tracing());
      api.setAccessLogDestinationArn(stage.settings().accessLogDestination());
    });
    status.setApi(api);
  }

  static String invokeUrl(String apiId, String region, String stageName) {
    return "https://" + apiId + ".execute-api." + region + ".amazonaws.com/" + stageName;
  }
}
