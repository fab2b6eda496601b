package dev.tap.operator.sandbox.lambda;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One Lambda execution environment for a Java function, run as Lambda runs it: a JVM of its own with the
 * runtime interface client as its entry point, configured by environment variables, talking to a
 * {@link RuntimeApi} of its own. One invocation at a time; started on the first invoke (a cold start),
 * then kept warm until an invocation times out or the runtime dies.
 */
public final class ExecutionEnvironment implements AutoCloseable {

  /** Lambda's limit on the init phase. */
  static final Duration INIT_LIMIT = Duration.ofSeconds(10);

  private record Started(Process process, RuntimeApi api, CompletableFuture<InvocationResult> ended) {}

  private final FunctionConfig function;
  private final RoleCredentials credentials;
  private final Path directory;
  private Started runtime;
  private int coldStarts;
  private volatile Duration lastColdStart;

  public ExecutionEnvironment(FunctionConfig function, RoleCredentials credentials) throws IOException {
    this.function = function;
    this.credentials = credentials;
    this.directory = Files.createTempDirectory("lambda-" + function.name() + "-");
  }

  /** Runs one event through the function; waits at most {@code timeout} once the runtime has taken it. */
  public synchronized InvocationResult invoke(String event, Duration timeout) throws IOException, InterruptedException {
    Started running = runtime != null ? runtime : start();
    RuntimeApi.Invocation invocation = running.api().queue(event, timeout);
    try {
      await(CompletableFuture.anyOf(invocation.delivered(), running.ended()), INIT_LIMIT);
      if (!running.ended().isDone()) {
        await(CompletableFuture.anyOf(invocation.result(), running.ended()), timeout);
      }
    } catch (TimeoutException e) {
      stop();
      boolean delivered = invocation.delivered().isDone();
      return InvocationResult.failure(InvocationResult.TIMEOUT, String.format(Locale.ROOT,
          "%s timed out after %.2f seconds", delivered ? "Task" : "Init",
          (delivered ? timeout : INIT_LIMIT).toMillis() / 1000.0));
    } catch (ExecutionException e) {
      throw new IllegalStateException("the environment's futures never fail", e);
    }
    if (invocation.result().isDone()) {
      return invocation.result().join();
    }
    // the runtime could not initialize or died: Lambda discards such an environment
    stop();
    return running.ended().join();
  }

  private static void await(CompletableFuture<?> future, Duration limit)
      throws InterruptedException, ExecutionException, TimeoutException {
    future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  public synchronized int coldStarts() {
    return coldStarts;
  }

  /** From the JVM's start to the runtime's first request for an event; null until that happens. */
  public Duration lastColdStart() {
    return lastColdStart;
  }

  /** The running runtime's process id, if one runs. */
  public synchronized Long processId() {
    return runtime == null ? null : runtime.process().pid();
  }

  /** Where the runtime's stdout and stderr go, as Lambda sends them to CloudWatch Logs. */
  public Path log() {
    return directory.resolve("output.log");
  }

  private Started start() throws IOException {
    RuntimeApi api = RuntimeApi.start(function.arn());
    try {
      long started = System.nanoTime();
      ProcessBuilder builder = new ProcessBuilder(command()).directory(directory.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
      builder.environment().clear();
      builder.environment().putAll(variables(api.address()));
      Process process = builder.start();
      api.firstNext().thenAccept(at -> lastColdStart = Duration.ofNanos(at - started));
      CompletableFuture<InvocationResult> exited = process.onExit().thenApply(p -> InvocationResult.failure(
          InvocationResult.EXIT, "Runtime exited with error: exit status " + p.exitValue()));
      coldStarts++;
      runtime = new Started(process, api, api.initError().applyToEither(exited, Function.identity()));
      return runtime;
    } catch (IOException | RuntimeException e) {
      api.close();
      throw e;
    }
  }

  /** The function's own variables, then the ones Lambda reserves, which the function cannot override. */
  private Map<String, String> variables(String runtimeApi) {
    Map<String, String> env = new HashMap<>(function.variables());
    env.putAll(Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "LANG", "en_US.UTF-8", "TZ", ":UTC",
        "LAMBDA_TASK_ROOT", directory.toString(), "AWS_EXECUTION_ENV", "AWS_Lambda_java17",
        "AWS_LAMBDA_RUNTIME_API", runtimeApi, "_HANDLER", function.handler(),
        "AWS_LAMBDA_FUNCTION_NAME", function.name(), "AWS_LAMBDA_FUNCTION_VERSION", function.version(),
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb())));
    env.putAll(Map.of("AWS_REGION", function.region(), "AWS_DEFAULT_REGION", function.region(),
        "AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand", "AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name(),
        "AWS_ACCESS_KEY_ID", credentials.accessKeyId(), "AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey(),
        "AWS_SESSION_TOKEN", credentials.sessionToken()));
    return env;
  }

  private List<String> command() throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    // the runtime's jars first: Lambda loads the function's code in a child class loader, so the runtime's win
    String classpath = RuntimeClasspath.jars() + File.pathSeparator + function.codeJar().toAbsolutePath();
    return List.of(java, "-Xmx" + function.memoryMb() + "m", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
        "-D" + RuntimeClasspath.NATIVE_LIBRARY_PROPERTY + "=" + RuntimeClasspath.nativeLibrary(),
        "-cp", classpath, RuntimeClasspath.ENTRY_POINT, function.handler());
  }

  private void stop() {
    if (runtime != null) {
      runtime.process().destroyForcibly();
      runtime.api().close();
      runtime = null;
    }
  }

  @Override
  public synchronized void close() {
    stop();
  }
}
