package dev.tap.operator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.sandbox.serve.LambdaFaults;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * A small HTTP API on the sandbox's own port to steer the simulated AWS and look at it while
 * {@code --serve} runs: {@code PUT /sandbox/v1/alarms/{name}} with {@code {"state": "ALARM", "reason": "..."}}
 * sets an alarm's state until its next evaluation (as {@code SetAlarmState} does), {@code GET /sandbox/v1/aws}
 * returns the inventory, the call counts, the served stages and the invocations per version, and
 * {@code PUT /sandbox/v1/faults/{function}/{version}} with {@code {"errorPercent": 0-100, "addedLatencyMs": N}}
 * injects faults into a version's invocations ({@code DELETE} clears them).
 */
final class SandboxControl {

  static final String PREFIX = "/sandbox/v1/";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: status code and JSON body. */
  record Answer(int code, JsonNode body) {}

  private final SimulatedAws aws;
  private final String region;
  private final Supplier<JsonNode> report;
  private final LambdaFaults faults;

  SandboxControl(SimulatedAws aws, String region, LambdaFaults faults, Supplier<JsonNode> report) {
    this.aws = aws;
    this.region = region;
    this.faults = faults;
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
    String[] fault = rest.split("/");
    if (fault.length == 3 && fault[0].equals("faults") && !fault[1].isEmpty() && !fault[2].isEmpty()) {
      if ("PUT".equals(method)) {
        return Optional.of(setFault(fault[1], fault[2], body));
      }
      if ("DELETE".equals(method)) {
        return Optional.of(faults.clear(fault[1], fault[2])
            ? new Answer(200, JSON.createObjectNode().put("function", fault[1]).put("version", fault[2]).put("cleared", true))
            : new Answer(404, error("no faults set for " + fault[1] + " version " + fault[2])));
      }
    }
    return Optional.of(new Answer(404, error("no such sandbox endpoint: " + method + " " + path
        + " (GET /sandbox/v1/aws, PUT /sandbox/v1/alarms/{name}, PUT or DELETE /sandbox/v1/faults/{function}/{version})")));
  }

  /** Faults for a function version, which need not exist yet: they apply once it is published. */
  private Answer setFault(String function, String version, String body) {
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (java.io.IOException e) {
      request = null;
    }
    if (request == null || !request.isObject()) {
      return new Answer(400, error("the body must be JSON: {\"errorPercent\": 0-100, \"addedLatencyMs\": N}"));
    }
    JsonNode percent = request.path("errorPercent");
    JsonNode latency = request.path("addedLatencyMs");
    if (!(percent.isMissingNode() || percent.isNumber()) || !(latency.isMissingNode() || latency.canConvertToLong())) {
      return new Answer(400, error("errorPercent must be a number from 0 to 100 and addedLatencyMs a whole number"));
    }
    try {
      LambdaFaults.Fault set = new LambdaFaults.Fault(percent.asDouble(0), latency.asLong(0));
      faults.set(function, version, set);
      return new Answer(200, JSON.createObjectNode().put("function", function).put("version", version)
          .put("errorPercent", set.errorPercent()).put("addedLatencyMs", set.addedLatencyMs()));
    } catch (IllegalArgumentException e) {
      return new Answer(400, error(e.getMessage()));
    }
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
