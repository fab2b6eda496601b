package dev.tap.operator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tap.operator.aws.simulated.SimulatedAws;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * A small HTTP API on the sandbox's own port to steer the simulated AWS and look at it while
 * {@code --serve} runs: {@code PUT /sandbox/v1/alarms/{name}} with {@code {"state": "ALARM", "reason": "..."}}
 * sets an alarm's state (as a rollout's rollback would see it), {@code GET /sandbox/v1/aws} returns the
 * inventory and the call counts as {@code --json} prints them.
 */
final class SandboxControl {

  static final String PREFIX = "/sandbox/v1/";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: status code and JSON body. */
  record Answer(int code, JsonNode body) {}

  private final SimulatedAws aws;
  private final String region;
  private final Supplier<JsonNode> report;

  SandboxControl(SimulatedAws aws, String region, Supplier<JsonNode> report) {
    this.aws = aws;
    this.region = region;
    this.report = report;
  }

  Optional<Answer> handle(String method, String path, String body) {
    if (!path.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rest = path.substring(PREFIX.length());
    if ("GET".equals(method) && rest.equals("aws")) {
      return Optional.of(new Answer(200, report.get()));
    }
    if ("PUT".equals(method) && rest.startsWith("alarms/") && rest.length() > "alarms/".length()) {
      return Optional.of(setAlarm(rest.substring("alarms/".length()), body));
    }
    return Optional.of(new Answer(404, error("no such sandbox endpoint: " + method + " " + path
        + " (GET /sandbox/v1/aws, PUT /sandbox/v1/alarms/{name})")));
  }

  private Answer setAlarm(String name, String body) {
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (java.io.IOException e) {
      return new Answer(400, error("the body must be JSON: {\"state\": \"ALARM\", \"reason\": \"...\"}"));
    }
    StateValue state = StateValue.fromValue(request.path("state").asText(""));
    if (state == null || state == StateValue.UNKNOWN_TO_SDK_VERSION) {
      return new Answer(400, error("state must be OK, ALARM or INSUFFICIENT_DATA"));
    }
    String reason = request.path("reason").asText("set through the sandbox");
    try {
      aws.cloudWatch(region).state().setState(name, state, reason);
    } catch (AwsServiceException e) {
      return new Answer(404, error("no alarm " + name + " in the simulated CloudWatch (" + region + ")"));
    }
    return new Answer(200, JSON.createObjectNode().put("alarm", name).put("state", state.toString()).put("reason", reason));
  }

  private static JsonNode error(String message) {
    return JSON.createObjectNode().put("error", message);
  }
}
