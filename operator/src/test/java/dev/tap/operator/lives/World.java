package dev.tap.operator.lives;

import static dev.tap.operator.OperatorHarness.REGION;
import static org.awaitility.Awaitility.await;

import dev.tap.operator.DeployRbac;
import dev.tap.operator.OperatorHarness;
import dev.tap.operator.api.v1alpha1.AckAnnotations;
import dev.tap.operator.api.v1alpha1.DeletionPolicy;
import dev.tap.operator.api.v1alpha1.DeploymentStrategy;
import dev.tap.operator.api.v1alpha1.RolloutAnnotations;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.simulated.lambda.LambdaState.PeekedFunction;
import dev.tap.operator.kube.RealCluster;
import dev.tap.operator.rollout.RolloutCommands;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One world of random lives: a fresh simulated AWS account and an elected operator on the real API
 * server, a few resources (lives) in the default namespace, and someone else's look-alikes beside
 * them. {@link #apply} runs a step, then lets the clock jump and the operator work a little.
 */
final class World implements AutoCloseable {

  private static final AtomicInteger WORLDS = new AtomicInteger();
  /** How long a step waits for the operator to make some calls; a quiet operator ends it early. */
  private static final Duration WORK = Duration.ofSeconds(2);
  private static final int CALLS_OF_A_LOOK = 6;

  final OperatorHarness harness;
  final List<Life> lives = new ArrayList<>();
  final Foreigners foreign;
  final Figures figures;
  private final AliasWatch aliases;
  private final Invariants invariants;
  private final AwsWeather weather;
  private final Disruptions disruptions;
  /** What a step itself saw go wrong (an invalid edit accepted), reported with the next check. */
  private final List<String> seenByStep = new ArrayList<>();

  World(RealCluster cluster, int lifeCount, Figures figures) {
    this.figures = figures;
    this.aliases = new AliasWatch();
    this.harness = OperatorHarness.startElectedOnRealApiServer(cluster.admin, cluster.operatorConfig(),
        DeployRbac.OPERATOR_NAMESPACE, aliases);
    aliases.watch(harness.aws);
    this.invariants = new Invariants(harness);
    this.weather = new AwsWeather(harness.aws);
    this.disruptions = new Disruptions(harness, figures);
    int world = WORLDS.incrementAndGet();
    for (int i = 0; i < lifeCount; i++) {
      lives.add(new Life("life" + world + "-" + (char) ('a' + i)));
    }
    this.foreign = Foreigners.placeBeside(harness.aws, lives.get(0).name);
  }

  /** Runs {@code step}: what it did, in words. */
  String apply(Step step) throws InterruptedException {
    String did;
    try {
      did = act(step);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
      // The operator finished a deletion while the step was about to act on the resource.
      did = "found the resource gone";
    }
    weather.stepEnded();
    tick(step.jumpSeconds());
    return did;
  }

  private String act(Step step) throws InterruptedException {
    Life life = lives.get(step.life());
    Random random = step.random();
    return switch (step.kind()) {
      case CREATE -> create(life, random);
      case EDIT -> edit(life, step);
      case INVALID_EDIT -> invalidEdit(life, step);
      case ANNOTATE -> annotate(life, random);
      case NEW_CODE -> newCode(life, random);
      case PAUSE -> setAnnotation(life, RolloutAnnotations.PAUSED, "true");
      case RESUME -> setAnnotation(life, RolloutAnnotations.PAUSED, null);
      case PROMOTE -> command(life, random.nextBoolean() ? RolloutCommands.PROMOTE : RolloutCommands.PROMOTE_FULL, random);
      case ABORT -> command(life, RolloutCommands.ABORT, random);
      case RETRY -> command(life, RolloutCommands.RETRY, random);
      case AUTOSCALE -> weather.autoscale(life, random);
      case ALARM -> weather.alarm(life, random);
      case FAULT -> {
        figures.faults++;
        yield weather.fault(random);
      }
      case CRASH_AFTER_AWS_CALL -> lives.stream().noneMatch(Life::exists) ? "nothing running to crash"
          : disruptions.crashAfterAwsCall(random);
      case CRASH_AFTER_STATUS_WRITE -> !life.exists() || life.deleting ? "nothing to write status for"
          : disruptions.crashAfterStatusWrite(step, edited -> edit(life, edited));
      case RESTART_STATUS_LOST -> disruptions.restartWithStatusLost(life);
      case FAILOVER -> disruptions.failover();
      case DELETE -> delete(life);
      case DELETE_MID_ROLLOUT -> deleteMidRollout(life, random);
      case TIME -> {
        harness.clock.jump(Duration.ofMinutes(1 + random.nextInt(10)));
        yield "minutes pass";
      }
    };
  }

  /** The invariants that hold at all times, checked now. */
  List<String> check() {
    return check(aliases.drain());
  }

  /** The invariants checked now, with {@code aliasChanges} as the alias states seen since the last step. */
  List<String> check(List<PeekedFunction> aliasChanges) {
    List<String> violations = new ArrayList<>(seenByStep);
    seenByStep.clear();
    violations.addAll(invariants.always(lives, foreign, aliasChanges));
    return violations;
  }

  int checks() {
    return invariants.checks();
  }

  /**
   * Faults end, alarms go back to OK and the clock runs on until every life is gone, Ready, or stopped
   * for a reason a human can act on; then what must hold of a settled world, checked.
   */
  List<String> settle() {
    weather.calm(lives);
    for (int round = 0; round < 40 && !settled(); round++) {
      harness.clock.jump(Duration.ofMinutes(5));
      try {
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50)).until(this::settled);
      } catch (ConditionTimeoutException notYet) {
        // The next round moves the clock on: rollouts and DynamoDB's capacity decreases wait on it.
      }
    }
    List<String> violations = new ArrayList<>(check());
    violations.addAll(invariants.settled(lives));
    return violations;
  }

  /** Each life's state in a word or two: gone, Ready, or the reason it waits for a human. */
  String states() {
    List<String> states = new ArrayList<>();
    for (Life life : lives) {
      ServerlessApi api = harness.get(life.name);
      states.add(life.name + " " + (api == null ? "gone" : OperatorHarness.condition(api, "Ready")
          .map(c -> "True".equals(c.getStatus()) ? "Ready" : c.getReason()).orElse("no status")));
    }
    return String.join(", ", states);
  }

  private boolean settled() {
    for (Life life : lives) {
      ServerlessApi api = harness.get(life.name);
      if (api == null) {
        continue;
      }
      boolean waits = Invariants.waitingForHuman(api).isPresent();
      if (api.getMetadata().getDeletionTimestamp() != null) {
        if (!waits) {
          return false;
        }
        continue;
      }
      // Compared as values: the Long generations are not the same objects once past 127.
      if (!(Invariants.readyForItsGeneration(api) || waits) || !Invariants.observedItsGeneration(api)) {
        return false;
      }
    }
    return true;
  }

  private void tick(int jumpSeconds) {
    harness.clock.jump(Duration.ofSeconds(jumpSeconds));
    if (lives.stream().noneMatch(Life::exists)) {
      return;
    }
    long before = harness.aws.calls().total();
    try {
      await().atMost(WORK).pollInterval(Duration.ofMillis(20))
          .until(() -> harness.aws.calls().total() >= before + CALLS_OF_A_LOOK);
    } catch (ConditionTimeoutException quiet) {
      // Nothing to do for the operator (a paced wait, or every life gone): the step is over.
    }
  }

  private String create(Life life, Random random) {
    if (life.exists()) {
      return "already there";
    }
    if (life.retired != null && random.nextBoolean()) {
      // The same manifest applied again (a new cluster, or Git restoring it) over what AWS kept, if anything.
      ServerlessApi again = OperatorHarness.sample("prod.yaml", life.name, api -> {
        api.setSpec(life.retired.getSpec());
        api.getMetadata().setAnnotations(life.retired.getMetadata().getAnnotations());
        return api;
      });
      again.getSpec().getTable().setDeletionProtection(false);
      keepWeightsOfAKeptAlias(life);
      life.autoscaled.clear();
      life.wrote(harness.create(again));
      return "created again from the manifest it was deleted with";
    }
    DeletionPolicy[] policies = {DeletionPolicy.Delete, DeletionPolicy.Retain, null};
    DeletionPolicy policy = policies[random.nextInt(3)];
    boolean protection = random.nextInt(5) == 0;
    ServerlessApi created = harness.create(OperatorHarness.sample("prod.yaml", life.name, api -> {
      api.getSpec().setDeletionPolicy(policy);
      api.getSpec().getTable().setDeletionProtection(protection);
      api.getSpec().getFunction().getDeployment().setStrategy(DeploymentStrategy.Canary);
      return api;
    }));
    keepWeightsOfAKeptAlias(life);
    life.autoscaled.clear();
    life.wrote(created);
    return "created, deletionPolicy " + policy + ", deletionProtection " + protection;
  }

  /** A function kept by a Retain may be mid-rollout: its weights stay allowed until its alias settles. */
  private void keepWeightsOfAKeptAlias(Life life) {
    if (harness.aws.lambda(REGION).state().peekFunction(life.names().function()).isEmpty()) {
      life.allowedWeights.clear();
    }
  }

  private String edit(Life life, Step step) {
    if (!life.exists()) {
      return "nothing to edit";
    }
    String[] did = new String[1];
    if (life.deleting) {
      // While a deletion waits on deletion protection, the person lifts it.
      life.wrote(harness.edit(life.name, api -> {
        api.getSpec().getTable().setDeletionProtection(false);
        return api;
      }));
      return "deletionProtection lifted for the deletion";
    }
    life.wrote(harness.edit(life.name, api -> {
      did[0] = SpecEdits.valid(api, step.random());
      return api;
    }));
    return did[0];
  }

  private String invalidEdit(Life life, Step step) {
    if (!life.exists() || life.deleting) {
      return "nothing to edit";
    }
    String[] did = new String[1];
    try {
      ServerlessApi accepted = harness.edit(life.name, api -> {
        did[0] = SpecEdits.invalid(api, step.random());
        return api;
      });
      life.wrote(accepted);
      seenByStep.add(life.name + ": the API server accepted an invalid edit: " + did[0]);
      return "ACCEPTED " + did[0];
    } catch (KubernetesClientException refused) {
      if (refused.getCode() != 422) {
        throw refused;
      }
      return "refused: " + did[0];
    }
  }

  private String annotate(Life life, Random random) {
    if (!life.exists() || life.deleting) {
      return "nothing to annotate";
    }
    String[][] choices = {
        {AckAnnotations.DELETION_POLICY, "retain"}, {AckAnnotations.DELETION_POLICY, "delete"},
        {AckAnnotations.DELETION_POLICY, null}, {AckAnnotations.ADOPTION_POLICY, "adopt-or-create"},
        {AckAnnotations.ADOPTION_POLICY, null}, {AckAnnotations.REGION, "eu-west-1"}, {AckAnnotations.REGION, REGION}};
    String[] choice = choices[random.nextInt(choices.length)];
    return setAnnotation(life, choice[0], choice[1]);
  }

  /** Sets ({@code value}) or removes (null) one annotation, as kubectl annotate does. */
  private String setAnnotation(Life life, String key, String value) {
    if (!life.exists() || life.deleting) {
      return "nothing to annotate";
    }
    life.wrote(harness.edit(life.name, annotated(key, value)));
    return value == null ? key + " removed" : key + "=" + value;
  }

  private static UnaryOperator<ServerlessApi> annotated(String key, String value) {
    return api -> {
      Map<String, String> annotations = api.getMetadata().getAnnotations() == null ? new HashMap<>()
          : new HashMap<>(api.getMetadata().getAnnotations());
      if (value == null) {
        annotations.remove(key);
      } else {
        annotations.put(key, value);
      }
      api.getMetadata().setAnnotations(annotations);
      return api;
    };
  }

  private String newCode(Life life, Random random) {
    if (!life.exists() || life.deleting) {
      return "no code to change";
    }
    String key = "handler/tap-handler-1.0." + (1 + random.nextInt(1000)) + ".jar";
    life.wrote(harness.edit(life.name, api -> {
      api.getSpec().getFunction().getCode().setS3Key(key);
      return api;
    }));
    return "code " + key;
  }

  /** A one-shot kubectl tap command for the rollout under way (or the newest version when none is). */
  private String command(Life life, String command, Random random) {
    ServerlessApi api = harness.get(life.name);
    if (api == null || !life.exists() || life.deleting) {
      return "no rollout to steer";
    }
    String target = api.getStatus() != null && api.getStatus().getRollout() != null
        && api.getStatus().getRollout().getTargetVersion() != null ? api.getStatus().getRollout().getTargetVersion()
        : harness.aws.lambda(REGION).state().peekFunction(life.names().function())
            .map(f -> f.versions().isEmpty() ? "1" : f.versions().get(f.versions().size() - 1)).orElse("1");
    return setAnnotation(life, RolloutCommands.PREFIX + command, target + "/" + Integer.toHexString(random.nextInt()));
  }

  private String delete(Life life) {
    if (!life.exists() || life.deleting) {
      return "nothing to delete";
    }
    life.goneWith = life.deletionPolicy();
    life.heldAtDeletion = invariants.held(life);
    life.deleting = true;
    harness.client.resources(ServerlessApi.class).inNamespace(OperatorHarness.NAMESPACE).withName(life.name).delete();
    // The API server moves the generation on when it marks the resource for deletion.
    ServerlessApi marked = harness.get(life.name);
    if (marked != null) {
      life.written = marked;
    }
    return "deleted (" + life.goneWith + ")";
  }

  private String deleteMidRollout(Life life, Random random) {
    if (!life.exists() || life.deleting) {
      return "nothing to delete";
    }
    String code = newCode(life, random);
    try {
      await().atMost(WORK).pollInterval(Duration.ofMillis(20)).until(() -> harness.aws.lambda(REGION).state()
          .peekRouting(life.names().function(), life.names().alias()).map(r -> !r.additionalWeights().isEmpty())
          .orElse(false));
    } catch (ConditionTimeoutException notYet) {
      // Deleted before the alias moved: a rollout that has only just begun.
    }
    return code + ", then " + delete(life);
  }

  @Override
  public void close() {
    harness.close();
  }

  /** What a run did, summed over its worlds. */
  static final class Figures {
    int faults;
    int crashes;
    int restarts;
    int statusLost;
    int failovers;
    long awsCalls;
  }
}
