package dev.tap.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.Arrays;

/**
 * Runs in a fresh JVM on the Lambda jar, configured like Lambda (environment only): builds the
 * handler as Lambda would and answers one request ({@code cold}), times warm requests ({@code warm N}),
 * or times the first request after the SnapStart hooks ran ({@code primed}).
 */
public final class LatencyProbe {

  private LatencyProbe() {}

  public static void main(String[] args) {
    String id = System.getenv("PROBE_ITEM_ID");
    APIGatewayProxyRequestEvent get = new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/items/" + id);
    ItemsHandler handler = new ItemsHandler();
    if (args.length > 0 && args[0].equals("primed")) {
      primedFirstRequest(handler, get);
      return;
    }
    int status = handler.handleRequest(get, null).getStatusCode();
    System.out.println("answered " + status);
    if (args.length > 1 && args[0].equals("warm")) {
      int requests = Integer.parseInt(args[1]);
      for (int i = 0; i < requests / 2; i++) {
        handler.handleRequest(get, null);
      }
      long[] micros = new long[requests];
      for (int i = 0; i < requests; i++) {
        long started = System.nanoTime();
        handler.handleRequest(get, null);
        micros[i] = (System.nanoTime() - started) / 1000;
      }
      Arrays.sort(micros);
      System.out.println("p50 " + micros[requests / 2] + " p99 " + micros[(int) Math.ceil(requests * 0.99) - 1]);
    }
    System.out.flush();
  }

  /**
   * SnapStart's order: the hooks the handler registered run (as before a snapshot and after a restore), then
   * one request. The hooks are called directly: outside a CRaC JVM, org.crac's global context refuses to.
   */
  private static void primedFirstRequest(ItemsHandler handler, APIGatewayProxyRequestEvent get) {
    handler.priming().beforeCheckpoint(null);
    handler.priming().afterRestore(null);
    long started = System.nanoTime();
    int status = handler.handleRequest(get, null).getStatusCode();
    long micros = (System.nanoTime() - started) / 1000;
    System.out.println("answered " + status);
    System.out.println("primed " + micros);
    System.out.flush();
  }
}
