package dev.tap.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;

/** One structured JSON line per request: what was asked and how it ended, never bodies or items. */
final class RequestLog {

  private static final int MAX_METHOD_LENGTH = 16;

  private final PrintStream out;

  RequestLog(PrintStream out) {
    this.out = out;
  }

  void request(String requestId, String method, Route route, int status, long latencyMicros, String failure) {
    ObjectNode line = ItemJson.MAPPER.createObjectNode()
        .put("level", status >= 500 ? "ERROR" : "INFO")
        .put("requestId", requestId)
        .put("method", method == null || method.length() <= MAX_METHOD_LENGTH ? method : method.substring(0, MAX_METHOD_LENGTH))
        .put("route", route == null ? "unmatched" : route.label())
        .put("status", status)
        .put("latencyMs", latencyMicros / 1000.0);
    if (failure != null) {
      line.put("failure", failure);
    }
    out.println(line);
  }
}
