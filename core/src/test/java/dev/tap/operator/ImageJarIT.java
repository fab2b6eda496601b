package dev.tap.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The jar the image runs (the Dockerfile copies it): the product alone, and its two commands work. */
class ImageJarIT {

  private static final Path JAR = Path.of("target", "tap-operator-image.jar");

  @Test
  void it_holds_no_simulated_aws_no_sandbox_and_no_mock_server() throws IOException {
    List<String> entries;
    try (JarFile jar = new JarFile(JAR.toFile())) {
      entries = Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
    }
    assertThat(entries).contains("dev/tap/operator/cli/OperatorCommand.class",
        "dev/tap/operator/ServerlessApiController.class");
    assertThat(entries).noneMatch(name -> name.startsWith("dev/tap/operator/aws/simulated/")
        || name.startsWith("dev/tap/operator/sandbox/") || name.startsWith("io/fabric8/kubernetes/client/server/mock/")
        || name.startsWith("io/fabric8/mockwebserver/") || name.startsWith("io/fabric8/kubeapitest/")
        || name.startsWith("io/vertx/") || name.startsWith("org/junit/"));
    assertThat(Files.readString(Path.of("..", "Dockerfile"))).contains("core/target/tap-operator-image.jar");
  }

  @Test
  void it_runs_validate_and_offers_run() throws Exception {
    assertThat(run("--help")).contains("run").contains("validate").doesNotContain("sandbox");
    assertThat(run("validate", Path.of("..", "samples", "prod.yaml").toString())).contains("OK");
  }

  private static String run(String... args) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(out).isZero();
    return out;
  }
}
