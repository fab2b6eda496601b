package dev.tap.operator;

import dev.tap.operator.aws.HookedAwsClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * When a test JVM is done, adds every AWS operation the operators it ran sent (to the simulated AWS,
 * dynalite or moto) to {@code target/aws-operations-seen.txt}, which {@code IamPolicyIT} checks against deploy/'s IAM policy.
 */
public final class AwsOperationsSeenWriter implements TestExecutionListener {

  static final Path FILE = Path.of("target", "aws-operations-seen.txt");

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    try {
      TreeSet<String> seen = new TreeSet<>(HookedAwsClients.sentInThisJvm());
      if (seen.isEmpty()) {
        return;
      }
      if (Files.exists(FILE)) {
        seen.addAll(Files.readAllLines(FILE));
      }
      Files.createDirectories(FILE.getParent());
      Files.write(FILE, seen);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
