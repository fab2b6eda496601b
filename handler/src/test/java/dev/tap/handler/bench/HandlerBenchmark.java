package dev.tap.handler.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Measures the Lambda jar against local dynalite and prints JSON: cold start (new JVM to first
 * answered request, median of 5), warm latency p50/p99 over 1 000 requests, and the jar's size.
 * JVM flags are Lambda's defaults for Java 17+ runtimes (tiered compilation stopped at C1).
 */
public final class HandlerBenchmark {

  private static final int COLD_RUNS = 5;
  private static final int WARM_REQUESTS = 1000;
  private static final List<String> LAMBDA_JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");

  private HandlerBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "handler/target/tap-handler.jar").toAbsolutePath();
    Path probeClasses = Path.of(LatencyProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Dynalite dynalite = Dynalite.start(); DynamoDbClient client = dynalite.client()) {
      Dynalite.createItemsTable(client, "bench-items", "createdAt-index");
      String id = UUID.randomUUID().toString();
      client.putItem(r -> r.tableName("bench-items").item(Map.of("id", AttributeValue.fromS(id),
          "name", AttributeValue.fromS("bench"), "version", AttributeValue.fromN("1"))));
      Map<String, String> env = Map.of("TABLE_NAME", "bench-items", "AWS_REGION", "us-east-1",
          "AWS_ACCESS_KEY_ID", "bench", "AWS_SECRET_ACCESS_KEY", "bench",
          "AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString(), "PROBE_ITEM_ID", id);

      long[] cold = new long[COLD_RUNS];
      for (int run = 0; run < COLD_RUNS; run++) {
        cold[run] = probe(jar, probeClasses, env, List.of("cold")).firstAnswerMillis();
      }
      ProbeResult warm = probe(jar, probeClasses, env, List.of("warm", Integer.toString(WARM_REQUESTS)));
      String[] percentiles = warm.lastLine().split(" ");

      long[] sorted = cold.clone();
      Arrays.sort(sorted);
      ObjectMapper json = new ObjectMapper();
      ObjectNode report = json.createObjectNode();
      report.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
      report.putPOJO("jvmFlags", LAMBDA_JVM_FLAGS);
      ObjectNode coldNode = report.putObject("coldStartMs");
      coldNode.put("median", sorted[COLD_RUNS / 2]);
      coldNode.putPOJO("runs", cold);
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

  private record ProbeResult(long firstAnswerMillis, String lastLine) {}

  private static ProbeResult probe(Path jar, Path probeClasses, Map<String, String> env, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(LAMBDA_JVM_FLAGS);
    command.add("-cp");
    command.add(jar + File.pathSeparator + probeClasses);
    command.add(LatencyProbe.class.getName());
    command.addAll(args);
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
