package dev.tap.operator.lives;

import static org.awaitility.Awaitility.await;

import dev.tap.operator.DeployRbac;
import dev.tap.operator.OperatorHarness;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import java.util.Random;
import java.util.function.Function;

/**
 * What happens to the operator itself: a crash right after its k-th AWS call or status write, a
 * restart that loses a resource's status, a leader failover. Each ends with a fresh operator running.
 */
final class Disruptions {

  private static final Duration CRASH_PATIENCE = Duration.ofSeconds(3);

  private final OperatorHarness harness;
  private final World.Figures figures;

  Disruptions(OperatorHarness harness, World.Figures figures) {
    this.harness = harness;
    this.figures = figures;
  }

  String crashAfterAwsCall(Random random) throws InterruptedException {
    int k = 1 + random.nextInt(40);
    harness.crashAfterAwsCalls(k);
    boolean crashed = harness.restartAfterCrashWithin(CRASH_PATIENCE);
    figures.restarts++;
    figures.crashes += crashed ? 1 : 0;
    return (crashed ? "crashed after AWS call " : "no crash by AWS call ") + k + "; restarted";
  }

  /** Crashes while {@code edit} makes the operator write status, after its k-th write. */
  String crashAfterStatusWrite(Step step, Function<Step, String> edit) throws InterruptedException {
    int k = 1 + step.random().nextInt(3);
    harness.crashAfterStatusWrites(k);
    String edited = edit.apply(step);
    boolean crashed = harness.restartAfterCrashWithin(CRASH_PATIENCE);
    figures.restarts++;
    figures.crashes += crashed ? 1 : 0;
    return edited + "; " + (crashed ? "crashed after status write " : "no crash by status write ") + k + "; restarted";
  }

  String restartWithStatusLost(Life life) {
    harness.restartWithStatusLost(life.name);
    figures.restarts++;
    figures.statusLost++;
    return "restarted with the status of " + life.name + " lost";
  }

  String failover() {
    String standby = harness.failover();
    await().atMost(OperatorHarness.PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> standby.equals(holder()));
    figures.failovers++;
    return standby + " took the Lease over";
  }

  private String holder() {
    Lease lease = harness.client.leases().inNamespace(DeployRbac.OPERATOR_NAMESPACE).withName("tap-operator").get();
    return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
  }
}
