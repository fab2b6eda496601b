package dev.tap.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar's {@code run}, as a pod runs it: the probes, whatever the cluster does. */
class RunJarIT {

  private static final Path JAR = Path.of("target", "tap-operator.jar");

  @TempDir
  Path dir;

  @Test
  void with_an_unreachable_cluster_it_is_alive_at_once_and_never_ready() throws Exception {
    // Nothing listens on port 1: every request to this cluster is refused.
    Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters: [{name: gone, cluster: {server: "http://127.0.0.1:1"}}]
        users: [{name: nobody, user: {token: t}}]
        contexts: [{name: gone, context: {cluster: gone, user: nobody}}]
        current-context: gone
        """);
    int port = freePort();
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder = new ProcessBuilder(List.of(java, "-jar", JAR.toString(), "run", "--health-port",
        String.valueOf(port), "--no-leader-election"))
        .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
    builder.environment().putAll(Map.of("KUBECONFIG", kubeconfig.toString(), "AWS_REGION", "us-east-1",
        "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"));
    Process process = builder.start();
    try {
      await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> status(port, "/healthz") == 200);
      // The operator keeps trying to list and watch; it must not call itself ready meanwhile.
      await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
          .until(() -> status(port, "/readyz") == 503 && status(port, "/healthz") == 200);
    } finally {
      process.destroyForcibly().waitFor();
    }
  }

  private static int status(int port, String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
