package dev.tap.handler.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tap.handler.LatencyProbe;
import dev.tap.testsupport.Dynalite;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Measures the Lambda jar against local dynalite and prints JSON: cold start (new process to first
 * answered GET of one item), the Java handler and its Node 20 + AWS SDK v3 peer
 * ({@code handler/bench-node-peer}) alternating, median of 9 each, and their ratio; the first request
 * after the SnapStart hooks ran; warm latency p50/p99 over 1 000 requests; the jar's size. JVM flags are
 * Lambda's defaults for Java 17+ runtimes (tiered compilation stopped at C1).
 */
public final class HandlerBenchmark {

  private static final int COLD_RUNS = 9;
  private static final int WARM_REQUESTS = 1000;
  private static final List<String> LAMBDA_JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");

  private HandlerBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "handler/target/tap-handler.jar").toAbsolutePath();
    Path nodePeer = Path.of(args.length > 1 ? args[1] : "handler/bench-node-peer/get-item.mjs").toAbsolutePath();
    Path probeClasses = Path.of(LatencyProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Dynalite dynalite = Dynalite.start(); DynamoDbClient client = dynalite.client()) {
      Dynalite.createItemsTable(client, "bench-items", "createdAt-index");
      String id = UUID.randomUUID().toString();
      client.putItem(r -> r.tableName("bench-items").item(Map.of("id", AttributeValue.fromS(id),
          "name", AttributeValue.fromS("bench"), "version", AttributeValue.fromN("1"))));
      Map<String, String> env = Map.of("TABLE_NAME", "bench-items", "AWS_REGION", "us-east-1",
          "AWS_ACCESS_KEY_ID", "bench", "AWS_SECRET_ACCESS_KEY", "bench",
          "AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString(), "PROBE_ITEM_ID", id);
      List<String> java = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
      java.addAll(LAMBDA_JVM_FLAGS);
      java.addAll(List.of("-cp", jar + File.pathSeparator + probeClasses, LatencyProbe.class.getName()));
      // Node 20 warns that later SDK versions need Node 22: said once here, not on every run.
      List<String> node = List.of(onPath("node"), "--no-warnings", nodePeer.toString());

      long[] javaCold = new long[COLD_RUNS];
      long[] nodeCold = new long[COLD_RUNS];
      for (int run = 0; run < COLD_RUNS; run++) {
        javaCold[run] = probe(with(java, "cold"), env).firstAnswerMillis();
        nodeCold[run] = probe(node, env).firstAnswerMillis();
      }
      String primed = probe(with(java, "primed"), env).lastLine();
      ProbeResult warm = probe(with(java, "warm", Integer.toString(WARM_REQUESTS)), env);
      String[] percentiles = warm.lastLine().split(" ");

      ObjectMapper json = new ObjectMapper();
      ObjectNode report = json.createObjectNode();
      report.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
      report.putPOJO("jvmFlags", LAMBDA_JVM_FLAGS);
      ObjectNode coldNode = report.putObject("coldStartMs");
      coldNode.put("java", median(javaCold));
      coldNode.put("node", median(nodeCold));
      coldNode.put("ratio", Math.round(median(javaCold) * 100.0 / median(nodeCold)) / 100.0);
      coldNode.putPOJO("javaRuns", javaCold);
      coldNode.putPOJO("nodeRuns", nodeCold);
      report.put("primedFirstRequestMs", Long.parseLong(primed.split(" ")[1]) / 1000.0);
      ObjectNode warmNode = report.putObject("warmLatencyMs");
      warmNode.put("requests", WARM_REQUESTS);
      warmNode.put("route", "GET /items/{id}");
      warmNode.put("p50", Long.parseLong(percentiles[1]) / 1000.0);
      warmNode.put("p99", Long.parseLong(percentiles[3]) / 1000.0);
      report.put("jarBytes", Files.size(jar));
      report.put("jarMiB", Math.round(Files.size(jar) / 1048576.0 * 100) / 100.0);
      System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    }
  }

  private static long median(long[] runs) {
    long[] sorted = runs.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static List<String> with(List<String> command, String... args) {
    List<String> all = new ArrayList<>(command);
    all.addAll(List.of(args));
    return all;
  }

  /** The probes run with Lambda's environment only, so an executable is found before it is cleared. */
  private static String onPath(String executable) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, executable);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException(executable + " is not on the PATH: the cold start is compared with a Node peer");
  }

  private record ProbeResult(long firstAnswerMillis, String lastLine) {}

  private static ProbeResult probe(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().clear();
    builder.environment().putAll(env);
    long started = System.nanoTime();
    Process process = builder.start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      long firstAnswer = -1;
      String last = null;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("answered") && firstAnswer < 0) {
          firstAnswer = (System.nanoTime() - started) / 1_000_000;
          if (!line.equals("answered 200")) {
            throw new IllegalStateException("probe got " + line);
          }
        }
        if (!line.startsWith("{")) {
          last = line;
        }
      }
      if (process.waitFor() != 0 || firstAnswer < 0) {
        throw new IllegalStateException("probe failed: " + last);
      }
      return new ProbeResult(firstAnswer, last);
    }
  }
}
