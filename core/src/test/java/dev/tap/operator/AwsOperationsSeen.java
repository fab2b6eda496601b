package dev.tap.operator;

import dev.tap.operator.aws.AwsCallHook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Every AWS operation the operators of this test JVM sent (to the simulated AWS, dynalite or moto), as
 * {@code service:Operation}: {@link OperatorHarness} installs {@link #RECORDER} as the last hook of
 * each operator it starts. When the JVM's tests are done, they are added to
 * {@code target/aws-operations-seen.txt}, which {@code IamPolicyIT} checks against deploy/'s IAM policy.
 */
public final class AwsOperationsSeen implements TestExecutionListener {

  static final Path FILE = Path.of("target", "aws-operations-seen.txt");

  /** JVM-wide: the listener that writes the file is instantiated by JUnit, not by the harness. */
  private static final Set<String> SENT = ConcurrentHashMap.newKeySet();

  /** Last of the hooks, so it sees only calls handed to the clients: none that pacing or a crash held back. */
  static final AwsCallHook RECORDER = (service, region, operation) -> SENT.add(service.name() + ":" + operation);

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    try {
      TreeSet<String> seen = new TreeSet<>(SENT);
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
