package dev.tap.operator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The built jar, as the README runs it: {@code java -jar operator/target/tap-operator.jar sandbox samples/X.yaml}. */
class SandboxJarIT {

  private static final Path JAR = Path.of("target", "tap-operator.jar");

  static final java.util.List<String> SAMPLES = Samples.NAMES;

  @ParameterizedTest
  @FieldSource("SAMPLES")
  void the_sandbox_brings_every_sample_to_ready(String sample) throws IOException, InterruptedException {
    Path output = Files.createTempFile("sandbox-" + sample, ".out");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process = new ProcessBuilder(java, "-jar", JAR.toString(), "sandbox", Samples.DIRECTORY.resolve(sample).toString(),
        "--timeout", "60s").redirectErrorStream(true).redirectOutput(output.toFile()).start();

    boolean finished = process.waitFor(120, TimeUnit.SECONDS);
    String printed = Files.readString(output, StandardCharsets.UTF_8);

    assertThat(finished).as(printed).isTrue();
    assertThat(process.exitValue()).as(printed).isZero();
    assertThat(printed).contains("Ready=True (Synced").contains("AWS inventory").contains("CreatedTable")
        .containsPattern("(?m)^\\S+\\s+tap\\s+True\\s+");
  }
}
