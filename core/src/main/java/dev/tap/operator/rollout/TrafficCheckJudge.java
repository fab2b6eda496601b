package dev.tap.operator.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tap.operator.api.v1alpha1.CheckResult;
import dev.tap.operator.api.v1alpha1.TrafficCheck;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pure half of a traffic check: the event API Gateway's Lambda proxy integration (payload 1.0)
 * would send for the declared request, and the judgement of an answer against what the check expects.
 */
final class TrafficCheckJudge {

  static final String PASSED = "Passed";
  static final String FAILED = "Failed";

  private static final ObjectMapper JSON = new ObjectMapper();

  private TrafficCheckJudge() {}

  static String method(TrafficCheck check) {
    return check.getMethod() == null ? "GET" : check.getMethod();
  }

  /** "GET /items", as status and messages name a check. */
  static String request(TrafficCheck check) {
    return method(check) + " " + check.getPath();
  }

  /** The proxy event for {@code check} on {@code stage}, as the new version would get it through the stage. */
  static String proxyEvent(TrafficCheck check, String stage) {
    int query = check.getPath().indexOf('?');
    String path = query < 0 ? check.getPath() : check.getPath().substring(0, query);
    ObjectNode event = JSON.createObjectNode();
    event.put("resource", path);
    event.put("path", path);
    event.put("httpMethod", method(check));
    ObjectNode headers = event.putObject("headers");
    headers.put("Accept", "application/json");
    if (check.getBody() != null) {
      headers.put("Content-Type", "application/json");
    }
    Map<String, String> parameters = query < 0 ? Map.of() : parameters(check.getPath().substring(query + 1));
    if (parameters.isEmpty()) {
      event.putNull("queryStringParameters");
    } else {
      parameters.forEach(event.putObject("queryStringParameters")::put);
    }
    ObjectNode context = event.putObject("requestContext");
    context.put("stage", stage);
    context.put("httpMethod", method(check));
    context.put("path", "/" + stage + path);
    context.put("requestId", "tap-traffic-check");
    context.putObject("identity").put("userAgent", "tap-operator traffic check");
    if (check.getBody() == null) {
      event.putNull("body");
    } else {
      event.put("body", check.getBody());
    }
    event.put("isBase64Encoded", false);
    return event.toString();
  }

  private static Map<String, String> parameters(String query) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        parameters.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return parameters;
  }

  /** What the function answered to a proxy event: its status and body, or why it is no proxy answer. */
  static CheckResult judgeInvocation(TrafficCheck check, String functionError, String payload) {
    if (functionError != null) {
      return failed(check, TrafficPhase.PreTraffic, null, "the function failed (" + functionError + "): "
          + abbreviate(payload));
    }
    try {
      JsonNode answer = JSON.readTree(payload);
      if (answer == null || !answer.path("statusCode").canConvertToInt()) {
        return failed(check, TrafficPhase.PreTraffic, null, "no statusCode in the function's answer");
      }
      return judge(check, TrafficPhase.PreTraffic, answer.path("statusCode").asInt(),
          answer.path("body").isTextual() ? answer.path("body").asText() : "");
    } catch (java.io.IOException e) {
      return failed(check, TrafficPhase.PreTraffic, null, "the function's answer is not JSON");
    }
  }

  /** An HTTP answer against the check's expectations. */
  static CheckResult judge(TrafficCheck check, TrafficPhase phase, int status, String body) {
    if (status != check.getExpectStatus()) {
      return failed(check, phase, status, "answered " + status + ", expected " + check.getExpectStatus());
    }
    if (check.getExpectBodyContains() != null && (body == null || !body.contains(check.getExpectBodyContains()))) {
      return failed(check, phase, status, "the body does not contain " + JSON.valueToTree(check.getExpectBodyContains()));
    }
    return result(check, phase, status, PASSED, null);
  }

  static CheckResult failed(TrafficCheck check, TrafficPhase phase, Integer status, String why) {
    return result(check, phase, status, FAILED, why);
  }

  /** The first check of {@code results} that did not pass. */
  static Optional<CheckResult> firstFailed(List<CheckResult> results) {
    return results.stream().filter(r -> !PASSED.equals(r.getResult())).findFirst();
  }

  private static CheckResult result(TrafficCheck check, TrafficPhase phase, Integer status, String outcome, String why) {
    CheckResult result = new CheckResult();
    result.setPhase(phase.name());
    result.setRequest(request(check));
    result.setResult(outcome);
    result.setStatus(status);
    result.setMessage(why);
    return result;
  }

  private static String abbreviate(String text) {
    return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
