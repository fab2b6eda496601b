package dev.tap.operator;

import dev.tap.operator.aws.AwsClients;
import dev.tap.operator.aws.AwsPacing;
import dev.tap.operator.aws.HookedAwsClients;
import dev.tap.operator.metrics.OperatorMetrics;
import dev.tap.operator.aws.RegionResolver;
import dev.tap.operator.function.KubernetesSecrets;
import dev.tap.operator.events.KubernetesChangeRecorder;
import dev.tap.operator.reconciler.OperatorSettings;
import dev.tap.operator.reconciler.ServerlessApiReconciler;
import dev.tap.operator.validation.ServerlessApiValidator;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.time.Clock;
import java.util.Optional;

/** Builds the operator: the one place that wires the reconciler to Kubernetes and AWS. */
public final class OperatorLauncher {

  private OperatorLauncher() {}

  /** {@code pacing} is shared by every resource: one account's quotas, whatever the number of resources. */
  public static Operator create(KubernetesClient client, AwsClients aws, AwsPacing pacing, RegionResolver regions,
      KubernetesChangeRecorder changes, OperatorSettings settings, Clock clock) {
    return create(client, aws, pacing, regions, changes, settings, clock, Optional.empty());
  }

  /** With leader election: of several operators on one cluster, only the holder of the Lease reconciles. */
  public static Operator create(KubernetesClient client, AwsClients aws, AwsPacing pacing, RegionResolver regions,
      KubernetesChangeRecorder changes, OperatorSettings settings, Clock clock,
      Optional<LeaderElectionConfiguration> election) {
    return create(client, aws, pacing, regions, changes, settings, clock, election, new OperatorMetrics(),
        OperatorScope.EVERYTHING);
  }

  /**
   * With the metrics {@code /metrics} shows (JOSDK's, the AWS calls', time to Ready, rollout phases),
   * serving only the resources in {@code scope}.
   */
  public static Operator create(KubernetesClient client, AwsClients aws, AwsPacing pacing, RegionResolver regions,
      KubernetesChangeRecorder changes, OperatorSettings settings, Clock clock,
      Optional<LeaderElectionConfiguration> election, OperatorMetrics metrics, OperatorScope scope) {
    // Status is patched with JSON merge patches rather than server-side apply, which the
    // in-process API server of tests and the sandbox does not implement.
    Operator operator = new Operator(o -> {
      o.withKubernetesClient(client)
          .withUseSSAToPatchPrimaryResource(false)
          .withSSABasedCreateUpdateMatchForDependentResources(false)
          .withCloseClientOnStop(false)
          .withReconciliationTerminationTimeout(settings.stopTimeout())
          .withMetrics(metrics.josdk());
      election.ifPresent(o::withLeaderElectionConfiguration);
    });
    operator.register(new ServerlessApiReconciler(ServerlessApiValidator.fromGeneratedCrd(),
        new HookedAwsClients(new HookedAwsClients(aws, pacing), metrics), regions, changes, settings, clock,
        new KubernetesSecrets(client), pacing, metrics), override -> {
          override.withRetry(settings.retry());
          scope.applyTo(override);
        });
    return operator;
  }
}
