package dev.tap.operator.cli;

import dev.tap.operator.HealthEndpoints;
import dev.tap.operator.OperatorLauncher;
import dev.tap.operator.OperatorScope;
import dev.tap.operator.aws.AwsPacing;
import dev.tap.operator.aws.RegionResolver;
import dev.tap.operator.aws.SdkAwsClients;
import dev.tap.operator.events.KubernetesChangeRecorder;
import dev.tap.operator.metrics.OperatorMetrics;
import dev.tap.operator.reconciler.OperatorSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the operator against the cluster of the current kubeconfig, or in-cluster config. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs the operator against the current kubeconfig context or the in-cluster config.")
public final class RunCommand implements Callable<Integer> {

  @Option(names = "--health-port", defaultValue = "8081", paramLabel = "PORT",
      description = "Port of the /healthz and /readyz probes and of /metrics (default ${DEFAULT-VALUE}).")
  int healthPort;

  @Option(names = "--aws-quota-share", defaultValue = "1", paramLabel = "FRACTION",
      description = {"This deployment's share of the account's AWS control-plane quotas, in (0, 1] (default ${DEFAULT-VALUE}).",
          "Give each of several operator deployments on one account its share, such as 0.5 for two."})
  double quotaShare;

  @Option(names = "--aws-quota-slot", defaultValue = "0", paramLabel = "K",
      description = {"Which of the 1/FRACTION time slots of the burst-1 quotas (CreateDeployment, CreateRestApi,"
          + " DeleteRestApi, ...) this deployment owns, from 0 (default ${DEFAULT-VALUE}).",
          "Give each deployment sharing the account its own: two with --aws-quota-share 0.5 take slots 0 and 1."})
  int quotaSlot;

  @Option(names = "--namespaces", split = ",", paramLabel = "NAMESPACE",
      description = {"Serve only ServerlessApis in these namespaces (default: all).",
          "With several operator deployments on one cluster, give each its namespaces or --selector."})
  Set<String> namespaces = Set.of();

  @Option(names = "--selector", paramLabel = "LABEL_SELECTOR",
      description = "Serve only ServerlessApis matching this label selector, such as tap.dev/shard=a (default: all).")
  String selector;

  @Option(names = "--leader-election", defaultValue = "true", negatable = true, fallbackValue = "true",
      description = "Only the holder of a Lease reconciles, so two operator pods never act at once (default ${DEFAULT-VALUE}).")
  boolean leaderElection;

  @Option(names = "--lease-name", defaultValue = "tap-operator", paramLabel = "NAME",
      description = "The leader-election Lease (default ${DEFAULT-VALUE}).")
  String leaseName;

  @Option(names = "--lease-namespace", defaultValue = "${env:POD_NAMESPACE:-tap-system}", paramLabel = "NAMESPACE",
      description = "The Lease's namespace: the operator's own (default ${DEFAULT-VALUE}, from POD_NAMESPACE).")
  String leaseNamespace;

  private OperatorLauncher.Options options(OperatorMetrics metrics) {
    OperatorLauncher.Options options = OperatorLauncher.Options.of(OperatorSettings.PRODUCTION, Clock.systemUTC())
        .measuredBy(metrics).serving(new OperatorScope(namespaces, selector));
    return leaderElection ? options.electedBy(LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(leaseName)
        .withLeaseNamespace(leaseNamespace).build()) : options;
  }

  @Override
  public Integer call() throws InterruptedException, IOException {
    CountDownLatch stopped = new CountDownLatch(1);
    try (KubernetesClient client = new KubernetesClientBuilder().build()) {
      SdkAwsClients aws = SdkAwsClients.fromEnvironment();
      OperatorMetrics metrics = new OperatorMetrics();
      AwsPacing pacing = new AwsPacing(AwsPacing.DOCUMENTED, new AwsPacing.Share(quotaShare, quotaSlot),
          Clock.systemUTC(), AwsPacing.Sleeper.REAL_TIME);
      Operator operator = OperatorLauncher.create(client, aws, pacing,
          RegionResolver.fromEnvironment(System.getenv()),
          new KubernetesChangeRecorder(client, Clock.systemUTC()), options(metrics));
      // Probes first: starting waits for the informers to sync, which takes a while on a large cluster.
      HealthEndpoints health = HealthEndpoints.start(healthPort, operator.getRuntimeInfo(), metrics);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        health.close();
        operator.stop();
        aws.close();
        stopped.countDown();
      }, "shutdown"));
      operator.start();
      stopped.await();
    }
    return 0;
  }
}
