package dev.tap.operator.sandbox.serve;

import dev.tap.operator.aws.simulated.lambda.FunctionSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Which local jar runs a version's code: the jar named for its S3 key ({@code --code KEY=PATH}), else the
 * project's built handler ({@code handler/target/tap-handler.jar}, found from the working directory up).
 * Container images are not run.
 */
public record CodeArtifacts(Optional<Path> handlerJar, Map<String, Path> byKey) {

  static final Path HANDLER_JAR = Path.of("handler", "target", "tap-handler.jar");

  public CodeArtifacts {
    byKey = Map.copyOf(byKey);
  }

  /** The built handler above {@code directory}, if there is one, and the jars named by key. */
  public static CodeArtifacts findFrom(Path directory, Map<String, Path> byKey) {
    Path dir = directory.toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve(HANDLER_JAR))) {
      dir = dir.getParent();
    }
    return new CodeArtifacts(Optional.ofNullable(dir).map(d -> d.resolve(HANDLER_JAR)), byKey);
  }

  /** The jar for a version's code, or why there is none. */
  Result jarFor(FunctionSettings settings) {
    if (settings.imageUri() != null) {
      return new Result(null, "the sandbox runs .zip code only, not the image " + settings.imageUri());
    }
    Path named = byKey.get(settings.s3Key());
    if (named != null) {
      return Files.isRegularFile(named) ? new Result(named, null)
          : new Result(null, "--code " + settings.s3Key() + "=" + named + " names no file");
    }
    return handlerJar.map(jar -> new Result(jar, null)).orElseGet(() -> new Result(null, "no jar for s3://"
        + settings.s3Bucket() + "/" + settings.s3Key() + ": build the handler (mvn -pl handler package) or name one"
        + " with --code " + settings.s3Key() + "=PATH"));
  }

  /** A jar, or the reason there is none. */
  record Result(Path jar, String problem) {}
}
