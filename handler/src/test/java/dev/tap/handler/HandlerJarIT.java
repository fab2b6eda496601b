package dev.tap.handler;

import dev.tap.testsupport.DynaliteExtension;
import dev.tap.testsupport.Dynalite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The packaged jar in a fresh JVM configured only by the environment, as Lambda runs it:
 * AWS_ENDPOINT_URL_DYNAMODB points the SDK at dynalite, and a missing TABLE_NAME fails at init.
 */
@ExtendWith(DynaliteExtension.class)
class HandlerJarIT {

  private static final Path JAR = Path.of("target", "tap-handler.jar");

  private static Process start(Map<String, String> env) throws Exception {
    Path probeClasses = Path.of(LatencyProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
        JAR + File.pathSeparator + probeClasses, LatencyProbe.class.getName(), "cold").redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(env);
    return builder.start();
  }

  private static String run(Map<String, String> env) throws Exception {
    Process process = start(env);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void the_jar_answers_through_the_endpoint_named_by_the_environment(Dynalite dynalite) throws Exception {
    var client = dynalite.client();
    Dynalite.createItemsTable(client, "jar-items", HandlerConfig.DEFAULT_INDEX);
    String id = UUID.randomUUID().toString();
    client.putItem(r -> r.tableName("jar-items").item(Map.of("id", AttributeValue.fromS(id),
        "name", AttributeValue.fromS("from the jar"), "version", AttributeValue.fromN("1"))));
    Map<String, String> env = new HashMap<>(Map.of("TABLE_NAME", "jar-items", "AWS_REGION", "us-east-1",
        "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "PROBE_ITEM_ID", id));
    env.put("AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString());

    String output = run(env);

    assertThat(output).contains("answered 200");
    assertThat(List.of(output.split("\n"))).anyMatch(line -> line.contains("\"route\":\"GET /items/{id}\""));
  }

  @Test
  void without_table_name_the_function_fails_at_init_with_a_clear_message() throws Exception {
    String output = run(Map.of("AWS_REGION", "us-east-1", "PROBE_ITEM_ID", "x"));

    assertThat(output).contains("TABLE_NAME is not set").doesNotContain("answered");
  }
}
