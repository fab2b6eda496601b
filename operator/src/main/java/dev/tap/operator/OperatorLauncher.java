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

  /**
   * How one operator runs beyond its clients: timing, clock, leader election (none by default), the
   * metrics {@code /metrics} shows, and which resources it serves (all by default).
   */
  public record Options(OperatorSettings settings, Clock clock, Optional<LeaderElectionConfiguration> election,
      OperatorMetrics metrics, OperatorScope scope) {

    public static Options of(OperatorSettings settings, Clock clock) {
      return new Options(settings, clock, Optional.empty(), new OperatorMetrics(), OperatorScope.EVERYTHING);
    }

    /** Of several operators on one cluster, only the holder of the Lease reconciles. */
    public Options electedBy(LeaderElectionConfiguration lease) {
      return new Options(settings, clock, Optional.of(lease), metrics, scope);
    }

    public Options measuredBy(OperatorMetrics registry) {
      return new Options(settings, clock, election, registry, scope);
    }

    public Options serving(OperatorScope served) {
      return new Options(settings, clock, election, metrics, served);
    }
  }

  /** {@code pacing} is shared by every resource: one account's quotas, whatever the number of resources. */
  public static Operator create(KubernetesClient client, AwsClients aws, AwsPacing pacing, RegionResolver regions,
      KubernetesChangeRecorder changes, OperatorSettings settings, Clock clock) {
    return create(client, aws, pacing, regions, changes, Options.of(settings, clock));
  }

  public static Operator create(KubernetesClient client, AwsClients aws, AwsPacing pacing, RegionResolver regions,
      KubernetesChangeRecorder changes, Options options) {
    OperatorSettings settings = options.settings();
    // Status is patched with JSON merge patches rather than server-side apply, which the
    // in-process API server of tests and the sandbox does not implement.
    Operator operator = new Operator(o -> {
      o.withKubernetesClient(client)
          .withUseSSAToPatchPrimaryResource(false)
          .withSSABasedCreateUpdateMatchForDependentResources(false)
          .withCloseClientOnStop(false)
          .withReconciliationTerminationTimeout(settings.stopTimeout())
          .withMetrics(options.metrics().josdk());
      options.election().ifPresent(o::withLeaderElectionConfiguration);
    });
    operator.register(new ServerlessApiReconciler(ServerlessApiValidator.fromGeneratedCrd(),
        new HookedAwsClients(new HookedAwsClients(aws, pacing), options.metrics()), regions, changes, settings,
        options.clock(), new KubernetesSecrets(client), pacing, options.metrics()), override -> {
          override.withRetry(settings.retry());
          options.scope().applyTo(override);
        });
    return operator;
  }
}
