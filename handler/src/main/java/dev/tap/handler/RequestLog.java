package dev.tap.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;

/**
 * One structured JSON line per request on {@code out}: what was asked and how it ended, never bodies
 * or items. A failure that answers 500 also writes its stack trace to {@code errors}, so a bug is
 * more than a class name.
 */
final class RequestLog {

  private static final int MAX_METHOD_LENGTH = 16;

  private final PrintStream out;
  private final PrintStream errors;

  RequestLog(PrintStream out, PrintStream errors) {
    this.out = out;
    this.errors = errors;
  }

  /** The stack trace of the failure behind a 500, tagged with the request id. */
  void failure(String requestId, Throwable failure) {
    synchronized (errors) {
      errors.println("request " + requestId + " failed:");
      failure.printStackTrace(errors);
    }
  }

  void request(String requestId, String method, Route route, int status, long latencyMicros, String failure) {
    ObjectNode line = Json.NODES.objectNode()
        .put("level", status >= 500 ? "ERROR" : "INFO")
        .put("requestId", requestId)
        .put("method", method == null || method.length() <= MAX_METHOD_LENGTH ? method : method.substring(0, MAX_METHOD_LENGTH))
        .put("route", route == null ? "unmatched" : route.label())
        .put("status", status)
        .put("latencyMs", latencyMicros / 1000.0);
    if (failure != null) {
      line.put("failure", failure);
    }
    out.println(Json.write(line));
  }
}
