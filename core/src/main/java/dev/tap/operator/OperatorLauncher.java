package dev.tap.operator;

import dev.tap.operator.aws.AwsClients;
import dev.tap.operator.aws.AwsPacing;
import dev.tap.operator.aws.HookedAwsClients;
import dev.tap.operator.metrics.OperatorMetrics;
import dev.tap.operator.aws.RegionResolver;
import dev.tap.operator.function.KubernetesSecrets;
import dev.tap.operator.events.KubernetesChangeRecorder;
import dev.tap.operator.reconciler.OperatorSettings;
import dev.tap.operator.reconciler.AwsSessionFactory;
import dev.tap.operator.reconciler.Preflight;
import dev.tap.operator.reconciler.ServerlessApiReconciler;
import dev.tap.operator.reconciler.StatusWriter;
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
   * metrics {@code /metrics} shows, which resources it serves (all by default), and whether the API
   * server implements server-side apply (every real one does; the in-process ones of the tests and
   * the embedded sandbox do not).
   */
  public record Options(OperatorSettings settings, Clock clock, Optional<LeaderElectionConfiguration> election,
      OperatorMetrics metrics, OperatorScope scope, boolean serverSideApply) {

    public static Options of(OperatorSettings settings, Clock clock) {
      return new Options(settings, clock, Optional.empty(), new OperatorMetrics(), OperatorScope.EVERYTHING, true);
    }

    /** Of several operators on one cluster, only the holder of the Lease reconciles. */
    public Options electedBy(LeaderElectionConfiguration lease) {
      return new Options(settings, clock, Optional.of(lease), metrics, scope, serverSideApply);
    }

    public Options measuredBy(OperatorMetrics registry) {
      return new Options(settings, clock, election, registry, scope, serverSideApply);
    }

    public Options serving(OperatorScope served) {
      return new Options(settings, clock, election, metrics, served, serverSideApply);
    }

    /** For an API server without server-side apply: status and finalizers are written with JSON patches. */
    public Options withoutServerSideApply() {
      return new Options(settings, clock, election, metrics, scope, false);
    }
  }

  public static Operator create(KubernetesClient client, AwsClients aws, AwsPacing pacing, RegionResolver regions,
      KubernetesChangeRecorder changes, Options options) {
    OperatorSettings settings = options.settings();
    Operator operator = new Operator(o -> {
      o.withKubernetesClient(client)
          .withUseSSAToPatchPrimaryResource(options.serverSideApply())
          .withSSABasedCreateUpdateMatchForDependentResources(false)
          .withCloseClientOnStop(false)
          .withReconciliationTerminationTimeout(settings.stopTimeout())
          .withMetrics(options.metrics().josdk());
      options.election().ifPresent(o::withLeaderElectionConfiguration);
    });
    AwsSessionFactory sessions = new AwsSessionFactory(
        new HookedAwsClients(new HookedAwsClients(aws, pacing), options.metrics()), changes, options.clock(),
        new KubernetesSecrets(client), pacing, ServerlessApiController.DEPENDENTS);
    operator.register(new ServerlessApiController(new Preflight(ServerlessApiValidator.fromGeneratedCrd(), regions,
        settings.resyncInterval()), regions, sessions, new StatusWriter(options.serverSideApply(), options.clock()),
        settings, options.clock(), options.metrics()), override -> {
          override.withRetry(settings.retry());
          options.scope().applyTo(override);
        });
    return operator;
  }
}
