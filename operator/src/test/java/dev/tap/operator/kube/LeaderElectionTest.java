package dev.tap.operator.kube;

import static dev.tap.operator.OperatorHarness.PATIENCE;
import static dev.tap.operator.OperatorHarness.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.OperatorLauncher;
import dev.tap.operator.aws.AwsClients;
import dev.tap.operator.aws.AwsPacing;
import dev.tap.operator.aws.RegionResolver;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.events.KubernetesChangeRecorder;
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Two operator pods on one real cluster, each as deploy/'s ServiceAccount: JOSDK's check of its Lease
 * access passes on deploy/'s Role; only the holder of the Lease reconciles; the other takes over when it goes.
 */
class LeaderElectionTest {

  private static final RealCluster cluster = RealCluster.get();
  private static final KubernetesClient client = cluster.admin;

  private static Operator pod(String identity, SimulatedAws aws) {
    KubernetesClient own = new KubernetesClientBuilder().withConfig(cluster.operatorConfig()).build();
    return OperatorLauncher.create(own, AwsClients.byName(aws::client), AwsPacing.none(Clock.systemUTC()), new RegionResolver(OperatorHarness.REGION),
        new KubernetesChangeRecorder(own, Clock.systemUTC()), OperatorLauncher.Options.of(OperatorHarness.FAST,
        Clock.systemUTC()).electedBy(LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration("tap-operator")
            .withLeaseNamespace("tap-system").withIdentity(identity)
            .withLeaseDuration(Duration.ofSeconds(2)).withRenewDeadline(Duration.ofMillis(1500))
            .withRetryPeriod(Duration.ofMillis(200)).withExitOnStopLeading(false).build()));
  }

  @Test
  void only_the_lease_holder_reconciles_and_the_other_takes_over_when_it_stops() {
    SimulatedAws awsOfA = new SimulatedAws(Clock.systemUTC(), OperatorHarness.CHANGE_DELAY);
    SimulatedAws awsOfB = new SimulatedAws(Clock.systemUTC(), OperatorHarness.CHANGE_DELAY);
    Operator a = pod("pod-a", awsOfA);
    a.start();
    await().atMost(PATIENCE).until(() -> holder().equals("pod-a"));
    Operator b = pod("pod-b", awsOfB);
    b.start();

    client.resource(sample("dev.yaml", "elected", api -> api)).create();
    await().atMost(PATIENCE).until(() -> isReady("elected"));

    assertThat(awsOfA.calls().count("dynamodb", "CreateTable")).isEqualTo(1);
    assertThat(awsOfB.calls().total()).isZero();

    a.stop();
    await().atMost(PATIENCE).until(() -> holder().equals("pod-b"));
    // pod-b reconciles from what its AWS holds (here: nothing), so it creates the table there.
    await().atMost(PATIENCE).until(() -> awsOfB.calls().count("dynamodb", "CreateTable") == 1);
    b.stop();
  }

  private static String holder() {
    Lease lease = client.leases().inNamespace("tap-system").withName("tap-operator").get();
    return lease == null || lease.getSpec().getHolderIdentity() == null ? "" : lease.getSpec().getHolderIdentity();
  }

  private static boolean isReady(String name) {
    return OperatorHarness.condition(client.resources(dev.tap.operator.api.v1alpha1.ServerlessApi.class)
        .inNamespace(OperatorHarness.NAMESPACE).withName(name).get(), Conditions.READY)
        .map(c -> Conditions.TRUE.equals(c.getStatus())).orElse(false);
  }
}
