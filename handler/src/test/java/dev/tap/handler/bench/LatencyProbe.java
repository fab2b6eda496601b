package dev.tap.handler.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.tap.handler.ItemsHandler;
import java.util.Arrays;

/**
 * Runs in a fresh JVM on the Lambda jar, configured like Lambda (environment only): builds the
 * handler as Lambda would and answers one request ({@code cold}), or times warm requests ({@code warm N}).
 */
public final class LatencyProbe {

  private LatencyProbe() {}

  public static void main(String[] args) {
    String id = System.getenv("PROBE_ITEM_ID");
    APIGatewayProxyRequestEvent get = new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/items/" + id);
    ItemsHandler handler = new ItemsHandler();
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
}
