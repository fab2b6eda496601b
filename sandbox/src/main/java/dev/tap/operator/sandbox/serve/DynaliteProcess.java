package dev.tap.operator.sandbox.serve;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * dynalite, the DynamoDB implementation the project's tests use, run from the project's
 * {@code node_modules} as the data plane of the served stages' tables. Installed with {@code npm ci}
 * when missing; when it cannot be, one line says how.
 */
public final class DynaliteProcess implements AutoCloseable {

  static final Path CLI = Path.of("node_modules", "dynalite", "cli.js");
  private static final Duration START_LIMIT = Duration.ofSeconds(30);

  private final Process process;
  private final int port;

  private DynaliteProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts dynalite from the project above {@code directory}; empty (after saying why) when it cannot. */
  public static Optional<DynaliteProcess> start(Path directory, Consumer<String> say) throws InterruptedException {
    Path project = directory.toAbsolutePath();
    while (project != null && !Files.isRegularFile(project.resolve("package.json"))) {
      project = project.getParent();
    }
    if (project == null) {
      say.accept("dynalite: no package.json above " + directory.toAbsolutePath() + "; run the sandbox from the"
          + " project's directory after 'npm ci' so the functions have DynamoDB");
      return Optional.empty();
    }
    try {
      if (!Files.isRegularFile(project.resolve(CLI)) && !install(project, say)) {
        return Optional.empty();
      }
      int port = freePort();
      Process process = new ProcessBuilder("node", project.resolve(CLI).toString(), "--port", Integer.toString(port),
          "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      DynaliteProcess dynalite = new DynaliteProcess(process, port);
      if (!dynalite.awaitListening()) {
        dynalite.close();
        say.accept("dynalite did not start within " + START_LIMIT.toSeconds() + " s (node " + project.resolve(CLI)
            + "); the functions' DynamoDB calls will fail");
        return Optional.empty();
      }
      return Optional.of(dynalite);
    } catch (IOException e) {
      say.accept("dynalite could not start (" + e.getMessage() + "): install Node 20 and run 'npm ci' in " + project);
      return Optional.empty();
    }
  }

  private static boolean install(Path project, Consumer<String> say) throws IOException, InterruptedException {
    say.accept("dynalite: installing it with 'npm ci' in " + project);
    Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
        .directory(project.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (npm.waitFor() != 0 || !Files.isRegularFile(project.resolve(CLI))) {
      say.accept("dynalite: 'npm ci' in " + project + " failed (exit " + npm.exitValue() + "); run it by hand,"
          + " then start the sandbox again");
      return false;
    }
    return true;
  }

  private boolean awaitListening() throws InterruptedException {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return true;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    return false;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.destroy();
  }
}
