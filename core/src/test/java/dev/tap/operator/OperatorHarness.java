package dev.tap.operator;

import static org.awaitility.Awaitility.await;


import dev.tap.operator.api.v1alpha1.DeletionPolicy;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AwsCallHook;
import dev.tap.operator.aws.AwsClients;
import dev.tap.operator.aws.AwsPacing;
import dev.tap.operator.aws.RegionResolver;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.events.KubernetesChangeRecorder;
import dev.tap.operator.reconciler.OperatorSettings;
import dev.tap.operator.status.Conditions;
import dev.tap.operator.validation.CrdSchema;
import dev.tap.testsupport.JumpingClock;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.awaitility.core.ConditionTimeoutException;

/** The real operator against a mock Kubernetes API server and the simulated (or any) AWS. */
public final class OperatorHarness implements AutoCloseable {

  public static final String NAMESPACE = "default";
  public static final String REGION = "us-east-1";
  /** Fast settings: AWS changes settle in 150 ms, the operator looks again every 100 ms. */
  public static final Duration CHANGE_DELAY = Duration.ofMillis(150);
  public static final OperatorSettings FAST =
      new OperatorSettings(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofSeconds(1));
  public static final Duration PATIENCE = Duration.ofSeconds(30);
  /** Fast polls but a resync only every hour: the reconciles a test sees are the ones it caused. */
  public static final OperatorSettings RARE_RESYNC =
      new OperatorSettings(Duration.ofMillis(100), Duration.ofHours(1), Duration.ofMillis(100), Duration.ofSeconds(1));

  public final KubernetesClient client;
  public final SimulatedAws aws;
  /** The one time of the operator and the simulated AWS: a test jumps it ahead instead of waiting. */
  public final JumpingClock clock;
  /** Every request the operator (each one the harness started) sent to the Kubernetes API. */
  public final KubernetesRequestLog kubernetesRequests = new KubernetesRequestLog();
  private final AwsClients clients;
  private final AwsPacing pacing;
  /** The test's own hooks on the operator's AWS calls, after its crash switch. */
  private final AwsCallHook[] hooks;
  private final OperatorSettings settings;
  /** How the operator reaches the API server, and whether that server implements server-side apply. */
  private final Config operatorConfig;
  private final boolean serverSideApply;
  private volatile Running running;
  private volatile Optional<LeaderElectionConfiguration> election = Optional.empty();

  /** One operator process: its own Kubernetes client, and the switch that can crash it. */
  private record Running(Operator operator, KubernetesClient client, CrashSwitch crash) {
    void stop() {
      operator.stop();
      client.close();
    }
  }

  private OperatorHarness(KubernetesClient client, SimulatedAws aws, AwsClients clients, JumpingClock clock,
      AwsPacing pacing, OperatorSettings settings, AwsCallHook... hooks) {
    this(client, client.getConfiguration(), false, aws, clients, clock, pacing, settings, hooks);
  }

  private OperatorHarness(KubernetesClient client, Config operatorConfig, boolean serverSideApply, SimulatedAws aws,
      AwsClients clients, JumpingClock clock, AwsPacing pacing, OperatorSettings settings, AwsCallHook... hooks) {
    this(client, operatorConfig, serverSideApply, aws, clients, clock, pacing, settings, Optional.empty(), hooks);
  }

  private OperatorHarness(KubernetesClient client, Config operatorConfig, boolean serverSideApply, SimulatedAws aws,
      AwsClients clients, JumpingClock clock, AwsPacing pacing, OperatorSettings settings,
      Optional<LeaderElectionConfiguration> election, AwsCallHook... hooks) {
    this.election = election;
    this.client = client;
    this.operatorConfig = operatorConfig;
    this.serverSideApply = serverSideApply;
    this.aws = aws;
    this.clock = clock;
    this.clients = clients;
    this.pacing = pacing;
    this.hooks = hooks;
    this.settings = settings;
    this.running = launch();
  }

  private Running launch() {
    CrashSwitch crash = new CrashSwitch();
    OperatorLauncher.Options plain = OperatorLauncher.Options.of(settings, clock).hookedBy(crash).hookedBy(hooks)
        .hookedBy(AwsOperationsSeen.RECORDER);
    OperatorLauncher.Options options = serverSideApply ? plain : plain.withoutServerSideApply();
    KubernetesClient own = new KubernetesClientBuilder().withConfig(operatorConfig)
        .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor("crash", crash)
            .addOrReplaceInterceptor("record", kubernetesRequests)).build();
    Operator operator = OperatorLauncher.create(own, clients, pacing, new RegionResolver(REGION),
        new KubernetesChangeRecorder(own, clock), election.map(options::electedBy).orElse(options));
    operator.start();
    return new Running(operator, own, crash);
  }

  /** Restarts the operator as deploy/ runs it: with leader election on a Lease in {@code namespace}. */
  public void restartElected(String namespace) {
    running.stop();
    election = Optional.of(lease(namespace, 0));
    running = launch();
  }

  /**
   * deploy/'s Lease, short so that a failover takes a second or two rather than deploy/'s 15 s, and so
   * that the next test electing on this cluster need not wait out a long one.
   */
  private static LeaderElectionConfiguration lease(String namespace, int pod) {
    return LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration("tap-operator")
        .withLeaseNamespace(namespace).withIdentity("tap-operator-" + pod).withLeaseDuration(Duration.ofSeconds(2))
        .withRenewDeadline(Duration.ofMillis(1500)).withRetryPeriod(Duration.ofMillis(200))
        .withExitOnStopLeading(false).build();
  }

  /** The operator stops and a fresh one starts on the same Kubernetes and AWS state, as a pod restart. */
  public void restart() {
    running.stop();
    running = launch();
  }

  /** A restart during which {@code name}'s status is lost (restored from a backup without it, say). */
  public void restartWithStatusLost(String name) {
    whileStopped(() -> loseStatus(name));
  }

  /** Stops the operator, runs {@code change} (the cluster changing while no operator runs), and starts a fresh one. */
  public void whileStopped(Runnable change) {
    running.stop();
    change.run();
    running = launch();
  }

  /** Empties {@code name}'s status, if it is there. */
  public void loseStatus(String name) {
    if (get(name) != null) {
      editStatus(name, api -> {
        api.setStatus(null);
        return api;
      });
    }
  }

  /**
   * Another pod takes over: a standby starts and waits for the Lease while the leader runs, then the
   * leader goes. Returns the standby's identity, which then holds the Lease. Only for an elected harness.
   */
  public String failover() {
    LeaderElectionConfiguration current = election.orElseThrow(() -> new IllegalStateException("not elected"));
    int next = Integer.parseInt(current.getIdentity().orElseThrow().substring("tap-operator-".length())) + 1;
    election = Optional.of(lease(current.getLeaseNamespace().orElseThrow(), next));
    Running standby = launch();
    running.stop();
    running = standby;
    return "tap-operator-" + next;
  }

  /**
   * Waits up to {@code patience} for the armed crash, then starts a fresh operator whether it came or
   * not (the switch of the old one goes with it). Returns whether the crash came.
   */
  public boolean restartAfterCrashWithin(Duration patience) throws InterruptedException {
    Running crashed = running;
    boolean came = crashed.crash().awaitCrash(patience);
    crashed.stop();
    running = launch();
    return came;
  }

  /** The running operator stops right after its next {@code k}-th AWS call: AWS applied it, the operator never knew. */
  public void crashAfterAwsCalls(int k) {
    running.crash().afterAwsCalls(k);
  }

  /** The running operator stops right after its next {@code k}-th AWS call that changes something. */
  public void crashAfterAwsWrites(int k) {
    running.crash().afterAwsWrites(k);
  }

  /** The running operator stops right after its first call of {@code operation} (such as "CreateRestApi"). */
  public void crashAfter(String operation) {
    running.crash().afterOperation(operation);
  }

  /** The running operator stops right after its next {@code k}-th status write. */
  public void crashAfterStatusWrites(int k) {
    running.crash().afterStatusWrites(k);
  }

  /** Whether the running operator reached its armed crash point. */
  public boolean hasCrashed() {
    return running.crash().hasCrashed();
  }

  /**
   * Waits for the armed crash, stops the crashed operator for good and starts a fresh one on the same
   * Kubernetes and AWS state. Returns how many AWS calls the crashed one made.
   */
  public int awaitCrashAndRestart() throws InterruptedException {
    Running crashed = running;
    if (!crashed.crash().awaitCrash(PATIENCE)) {
      throw new AssertionError("the operator did not reach the armed crash point within " + PATIENCE);
    }
    crashed.stop();
    running = launch();
    return crashed.crash().awsCalls();
  }

  /**
   * A production resource's whole life, as the cluster sees it: created (deletion policy Delete,
   * protection off), Ready, a code change rolled out as a canary to all traffic, {@code whileReady}
   * (more of the test's own steps), then deleted until it is gone.
   */
  public void liveAWholeLife(String name, Runnable whileReady) {
    create(sample("prod.yaml", name, api -> {
      api.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
      api.getSpec().getTable().setDeletionProtection(false);
      return api;
    }));
    awaitCondition(name, Conditions.READY, Conditions.TRUE);
    edit(name, api -> {
      api.getSpec().getFunction().setMemorySize(1024);
      return api;
    });
    await().atMost(PATIENCE).until(() -> "1→2 (10%)".equals(get(name).getStatus().getFunction().getServing()));
    clock.jump(Duration.ofMinutes(5));
    awaitCondition(name, Conditions.READY, Conditions.TRUE);
    whileReady.run();
    client.resources(ServerlessApi.class).inNamespace(NAMESPACE).withName(name).delete();
    await().atMost(PATIENCE).until(() -> get(name) == null);
  }

  public static void installCrd(KubernetesClient client) {
    client.apiextensions().v1().customResourceDefinitions()
        .load(OperatorHarness.class.getResourceAsStream(CrdSchema.RESOURCE)).create();
  }

  /**
   * The operator on a fresh simulated account, unpaced: the test settings poll every 100 ms, far above
   * what the documented quotas allow for several resources; pacing has tests of its own ({@link #startPaced}).
   */
  public static OperatorHarness start(KubernetesClient client, OperatorSettings settings) {
    JumpingClock clock = new JumpingClock();
    SimulatedAws aws = new SimulatedAws(clock, CHANGE_DELAY);
    return new OperatorHarness(client, aws, AwsClients.byName(aws::client), clock, AwsPacing.none(clock), settings);
  }

  /** The operator paced by {@code quotas}. */
  public static OperatorHarness startPaced(KubernetesClient client, List<AwsPacing.Quota> quotas) {
    return startPaced(client, quotas, FAST);
  }

  /** The operator paced by {@code quotas}, on {@code settings}, its calls also seen by {@code hooks} (after pacing). */
  public static OperatorHarness startPaced(KubernetesClient client, List<AwsPacing.Quota> quotas,
      OperatorSettings settings, AwsCallHook... hooks) {
    JumpingClock clock = new JumpingClock();
    SimulatedAws aws = new SimulatedAws(clock, CHANGE_DELAY);
    return new OperatorHarness(client, aws, AwsClients.byName(aws::client), clock, new AwsPacing(quotas, 1, clock),
        settings, hooks);
  }

  /** The pacing of the operator's AWS calls, shared by every operator the harness starts. */
  public AwsPacing pacing() {
    return pacing;
  }

  public static OperatorHarness start(KubernetesClient client) {
    return start(client, FAST);
  }

  /**
   * The operator on a real API server, reaching it as {@code operatorConfig} says (its ServiceAccount),
   * writing with server-side apply; {@code client} is the test's own (the admin's).
   */
  public static OperatorHarness startOnRealApiServer(KubernetesClient client, Config operatorConfig) {
    JumpingClock clock = new JumpingClock();
    SimulatedAws aws = new SimulatedAws(clock, CHANGE_DELAY);
    return new OperatorHarness(client, operatorConfig, true, aws, AwsClients.byName(aws::client), clock,
        AwsPacing.none(clock), FAST);
  }

  /**
   * As {@link #startOnRealApiServer(KubernetesClient, Config)}, but elected on deploy/'s Lease in
   * {@code leaseNamespace} (so that {@link #failover} can hand over), its AWS calls also seen by {@code hooks}.
   */
  public static OperatorHarness startElectedOnRealApiServer(KubernetesClient client, Config operatorConfig,
      String leaseNamespace, AwsCallHook... hooks) {
    JumpingClock clock = new JumpingClock();
    SimulatedAws aws = new SimulatedAws(clock, CHANGE_DELAY);
    return new OperatorHarness(client, operatorConfig, true, aws, AwsClients.byName(aws::client), clock,
        AwsPacing.none(clock), FAST, Optional.of(lease(leaseNamespace, 0)), hooks);
  }

  /**
   * The operator on other AWS clients (such as real SDK clients), its calls also seen by {@code hooks}
   * (after pacing and the crash switch); {@link #aws} is then null.
   */
  public static OperatorHarness startOn(KubernetesClient client, AwsClients clients, AwsCallHook... hooks) {
    JumpingClock clock = new JumpingClock();
    return new OperatorHarness(client, null, clients, clock, AwsPacing.documented(1, clock), FAST, hooks);
  }

  /** A sample as a resource named {@code name} in the default namespace, edited by {@code edit}. */
  public static ServerlessApi sample(String file, String name, UnaryOperator<ServerlessApi> edit) {
    var document = Samples.with(Samples.with(Samples.load(file), "metadata.namespace", NAMESPACE), "metadata.name", name);
    return edit.apply(Serialization.jsonMapper().convertValue(document, ServerlessApi.class));
  }

  public ServerlessApi create(ServerlessApi api) {
    return client.resource(api).create();
  }

  public ServerlessApi get(String name) {
    return client.resources(ServerlessApi.class).inNamespace(NAMESPACE).withName(name).get();
  }

  /** Edits the spec or metadata, read again and retried when the operator wrote in between (409). */
  public ServerlessApi edit(String name, UnaryOperator<ServerlessApi> edit) {
    return retryOnConflict(() -> client.resources(ServerlessApi.class).inNamespace(NAMESPACE).withName(name).edit(edit));
  }

  /** Edits the status as another writer would, retried like {@link #edit} on a conflict. */
  public ServerlessApi editStatus(String name, UnaryOperator<ServerlessApi> edit) {
    return retryOnConflict(
        () -> client.resources(ServerlessApi.class).inNamespace(NAMESPACE).withName(name).editStatus(edit));
  }

  private static ServerlessApi retryOnConflict(Supplier<ServerlessApi> write) {
    for (int attempt = 1; ; attempt++) {
      try {
        return write.get();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 10) {
          throw e;
        }
      }
    }
  }

  /**
   * Makes a spec change that no AWS dependent acts on while the resource lives (its deletion policy)
   * and waits until it is reconciled: exactly one more reconcile, whose AWS calls a test can count.
   */
  public void reconcileOnceMore(String name) {
    ServerlessApi edited = edit(name, api -> {
      api.getSpec().setDeletionPolicy(api.getSpec().getDeletionPolicy() == DeletionPolicy.Delete ? DeletionPolicy.Retain
          : DeletionPolicy.Delete);
      return api;
    });
    await().atMost(PATIENCE).until(() ->
        get(name).getStatus().getObservedGeneration().equals(edited.getMetadata().getGeneration()));
  }

  public static Optional<Condition> condition(ServerlessApi api, String type) {
    return api == null || api.getStatus() == null || api.getStatus().getConditions() == null ? Optional.empty()
        : api.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  public boolean has(String name, String type, String status) {
    return condition(get(name), type).map(c -> status.equals(c.getStatus())).orElse(false);
  }

  /** Waits until the condition holds and the status describes the current generation. */
  public ServerlessApi awaitCondition(String name, String type, String status) {
    try {
      await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> {
        ServerlessApi api = get(name);
        return condition(api, type).map(c -> status.equals(c.getStatus())).orElse(false)
            && api.getStatus().getObservedGeneration().equals(api.getMetadata().getGeneration());
      });
    } catch (ConditionTimeoutException e) {
      ServerlessApi api = get(name);
      throw new AssertionError(name + " never had " + type + "=" + status + " for its current generation; its status: "
          + (api == null ? "(no resource)" : Serialization.asYaml(api.getStatus())), e);
    }
    return get(name);
  }

  /** Stops the operator and removes every ServerlessApi, so the next test starts from an empty cluster. */
  @Override
  public void close() {
    running.stop();
    for (ServerlessApi api : client.resources(ServerlessApi.class).inAnyNamespace().list().getItems()) {
      var resource = client.resources(ServerlessApi.class).inNamespace(api.getMetadata().getNamespace())
          .withName(api.getMetadata().getName());
      resource.edit(a -> {
        a.getMetadata().setFinalizers(List.of());
        return a;
      });
      resource.delete();
    }
    await().atMost(PATIENCE).until(() -> client.resources(ServerlessApi.class).inAnyNamespace().list().getItems().isEmpty());
  }
}
