package dev.tap.operator;

import dev.tap.operator.aws.AwsCallHook;
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
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Builds the operator: the one place that wires the reconciler to Kubernetes and AWS. */
public final class OperatorLauncher {

  private OperatorLauncher() {}

  /**
   * How one operator runs beyond its clients: timing, clock, leader election (none by default), the
   * metrics {@code /metrics} shows, which resources it serves (all by default), whether the API
   * server implements server-side apply (every real one does; the in-process ones of the tests and
   * the embedded sandbox do not), further hooks on its AWS calls (none by default), and where a stage's
   * invoke URL is reached by post-traffic checks (the URL itself by default).
   */
  public record Options(OperatorSettings settings, Clock clock, Optional<LeaderElectionConfiguration> election,
      OperatorMetrics metrics, OperatorScope scope, boolean serverSideApply, List<AwsCallHook> hooks,
      UnaryOperator<URI> stages) {

    public static Options of(OperatorSettings settings, Clock clock) {
      return new Options(settings, clock, Optional.empty(), new OperatorMetrics(), OperatorScope.EVERYTHING, true,
          List.of(), UnaryOperator.identity());
    }

    /** The served sandbox answers a stage's requests on a loopback port of its own. */
    public Options reachingStagesAt(UnaryOperator<URI> addresses) {
      return new Options(settings, clock, election, metrics, scope, serverSideApply, hooks, addresses);
    }

    /** Of several operators on one cluster, only the holder of the Lease reconciles. */
    public Options electedBy(LeaderElectionConfiguration lease) {
      return new Options(settings, clock, Optional.of(lease), metrics, scope, serverSideApply, hooks, stages);
    }

    public Options measuredBy(OperatorMetrics registry) {
      return new Options(settings, clock, election, registry, scope, serverSideApply, hooks, stages);
    }

    public Options serving(OperatorScope served) {
      return new Options(settings, clock, election, metrics, served, serverSideApply, hooks, stages);
    }

    /** For an API server without server-side apply: status and finalizers are written with JSON patches. */
    public Options withoutServerSideApply() {
      return new Options(settings, clock, election, metrics, scope, false, hooks, stages);
    }

    /** Adds hooks after metrics and pacing (so they see only the calls pacing lets through), in this order. */
    public Options hookedBy(AwsCallHook... more) {
      return new Options(settings, clock, election, metrics, scope, serverSideApply,
          Stream.concat(hooks.stream(), Stream.of(more)).toList(), stages);
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
    AwsSessionFactory sessions = new AwsSessionFactory(hooked(aws, pacing, options), changes, options.clock(),
        new KubernetesSecrets(client), pacing, ServerlessApiController.DEPENDENTS, options.stages(),
        settings.resyncInterval());
    operator.register(new ServerlessApiController(new Preflight(ServerlessApiValidator.fromGeneratedCrd(), regions,
        settings.resyncInterval()), regions, sessions, new StatusWriter(options.serverSideApply(), options.clock()),
        settings, options.clock(), options.metrics()), override -> {
          override.withRetry(settings.retry());
          options.scope().applyTo(override);
        });
    return operator;
  }

  /**
   * One proxy per client, its hooks in this order: metrics outermost, so that it also counts the calls
   * pacing holds back; then pacing; then the options' own hooks.
   */
  private static AwsClients hooked(AwsClients aws, AwsPacing pacing, Options options) {
    return new HookedAwsClients(aws, Stream.concat(Stream.<AwsCallHook>of(options.metrics(), pacing),
        options.hooks().stream()).toList());
  }
}
