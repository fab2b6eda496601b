package dev.tap.operator.lives;

import static dev.tap.operator.OperatorHarness.NAMESPACE;
import static dev.tap.operator.OperatorHarness.REGION;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.api.v1alpha1.DeletionPolicy;
import dev.tap.operator.api.v1alpha1.RolloutStatus;
import dev.tap.operator.api.v1alpha1.ScalingSpec;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.api.v1alpha1.ServerlessApiSpec;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.aws.simulated.apigateway.ApiGatewayState.PeekedApi;
import dev.tap.operator.aws.simulated.lambda.LambdaState.PeekedFunction;
import dev.tap.operator.aws.simulated.lambda.LambdaState.Routing;
import dev.tap.operator.naming.AwsNames;
import dev.tap.operator.naming.OwnerTags;
import dev.tap.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * What must hold of a world, read from the API server and from the simulated AWS without a call
 * counted (so an injected fault never hides anything). {@link #always} holds after every step;
 * {@link #settled} once the world was left alone long enough to finish what it started.
 */
final class Invariants {

  private static final List<String> ALARM_ROLES = List.of("api-errors", "lambda-errors", "lambda-throttles",
      "lambda-duration", "table-throttles", "rollout-errors");
  private static final double SAME_WEIGHT = 1e-6;

  private final OperatorHarness harness;
  private final SimulatedAws aws;
  private int checks;

  Invariants(OperatorHarness harness) {
    this.harness = harness;
    this.aws = harness.aws;
  }

  /** How many invariants were checked so far (one per invariant and resource, or per invariant and account). */
  int checks() {
    return checks;
  }

  /** Every violation of what holds at all times; a life whose deletion finished is marked gone. */
  List<String> always(List<Life> lives, Foreigners foreign, List<PeekedFunction> aliasChanges) {
    List<String> violations = new ArrayList<>();
    for (Life life : lives) {
      ServerlessApi api = harness.get(life.name);
      if (api != null) {
        resource(life, api, violations);
      } else if (life.deleting) {
        gone(life, violations);
      } else {
        check(violations, !life.exists(), life.name + ": gone from the cluster, yet nobody deleted it");
      }
      aliasChanges.stream().filter(f -> f.name().equals(life.names().function()))
          .forEach(f -> alias(life, Optional.of(f), violations));
      Optional<PeekedFunction> function = aws.lambda(REGION).state().peekFunction(life.names().function());
      alias(life, function, violations);
      narrowWeights(life, api, function);
    }
    account(lives, violations);
    check(violations, foreign.untouched(aws), "foreign look-alikes changed: " + foreign.changes(aws));
    return violations;
  }

  private void resource(Life life, ServerlessApi api, List<String> violations) {
    List<Condition> conditions = api.getStatus() == null || api.getStatus().getConditions() == null ? List.of()
        : api.getStatus().getConditions();
    Set<String> types = new HashSet<>();
    check(violations, conditions.stream().allMatch(c -> types.add(c.getType())),
        life.name + ": a condition type twice in status: " + conditions.stream().map(Condition::getType).toList());
    Long observed = api.getStatus() == null ? null : api.getStatus().getObservedGeneration();
    check(violations, observed == null || observed <= api.getMetadata().getGeneration(),
        life.name + ": observedGeneration " + observed + " ahead of generation " + api.getMetadata().getGeneration());
    if (life.exists()) {
      check(violations, api.getMetadata().getGeneration() == life.generation(), life.name + ": generation "
          + api.getMetadata().getGeneration() + " but the test's last spec write made " + life.generation()
          + ": someone else wrote the spec");
    }
    Set<String> statusWriters = api.getMetadata().getManagedFields().stream()
        .filter(f -> "status".equals(f.getSubresource())).map(ManagedFieldsEntry::getManager).collect(Collectors.toSet());
    List<String> specWriters = api.getMetadata().getManagedFields().stream()
        .filter(f -> f.getSubresource() == null || f.getSubresource().isEmpty())
        .filter(f -> statusWriters.contains(f.getManager()))
        .filter(f -> f.getFieldsV1() != null && f.getFieldsV1().getAdditionalProperties().containsKey("f:spec"))
        .map(ManagedFieldsEntry::getManager).toList();
    check(violations, specWriters.isEmpty(), life.name + ": the operator's field manager owns spec fields: " + specWriters);
  }

  /** The deletion finished: nothing of ours left after Delete, everything kept after Retain. */
  private void gone(Life life, List<String> violations) {
    Set<String> held = held(life);
    List<String> alarms = alarms(life).stream().map(MetricAlarm::alarmName).toList();
    List<String> targets = targets(life).stream().map(t -> t.resourceId() + " " + t.scalableDimensionAsString()).toList();
    if (life.goneWith == DeletionPolicy.Delete) {
      check(violations, held.isEmpty() && alarms.isEmpty() && targets.isEmpty(), life.name
          + ": deleted with policy Delete, yet AWS keeps: " + (held.contains("table") ? "table " : "")
          + (held.contains("function") ? "function " : "") + (held.contains("REST API") ? "REST API " : "") + alarms
          + " " + targets);
    } else {
      Set<String> lost = new TreeSet<>(life.heldAtDeletion);
      lost.removeAll(held);
      check(violations, lost.isEmpty(), life.name + ": deleted with policy Retain, yet AWS lost its " + lost);
    }
    life.retired = life.written;
    life.written = null;
    life.deleting = false;
    life.autoscaled.clear();
  }

  /** Which of a life's table, function and REST API AWS holds. */
  Set<String> held(Life life) {
    Set<String> held = new TreeSet<>();
    if (aws.dynamoDb(REGION).peek(life.names().table()).isPresent()) {
      held.add("table");
    }
    if (aws.lambda(REGION).state().peekFunction(life.names().function()).isPresent()) {
      held.add("function");
    }
    if (ours(life).isPresent()) {
      held.add("REST API");
    }
    return held;
  }

  /** The alias on a published version, at most two versions in its routing, each weight a step of a strategy in force. */
  private void alias(Life life, Optional<PeekedFunction> function, List<String> violations) {
    Routing alias = function.map(f -> f.aliases().get(life.names().alias())).orElse(null);
    if (alias == null) {
      return;
    }
    List<String> versions = function.get().versions();
    check(violations, !"$LATEST".equals(alias.version()) && versions.contains(alias.version()),
        life.name + ": the alias on " + alias.version() + ", not a published version of " + versions);
    check(violations, alias.additionalWeights().size() <= 1,
        life.name + ": more than two versions in the alias's routing: " + alias);
    alias.additionalWeights().forEach((version, weight) -> {
      check(violations, versions.contains(version) && !version.equals(alias.version()),
          life.name + ": the alias routes to " + version + ", not another published version of " + versions);
      check(violations, life.allowedWeights.keySet().stream().anyMatch(w -> Math.abs(w - weight) < SAME_WEIGHT),
          life.name + ": alias weight " + weight + " is no step of the strategies in force " + life.allowedWeights);
    });
    List<String> statements = function.get().statementIds().getOrDefault(life.names().alias(), List.of());
    check(violations, statements.size() <= 1, life.name + ": " + statements.size()
        + " permission statements on the alias: " + statements);
  }

  /**
   * Once the alias has no routing, the weights of strategies no longer in force are no longer allowed,
   * but for the step status recorded and has yet to apply (a rollout keeps the step it recorded when the
   * strategy changes under it). Only once the operator has observed the test's last spec: until then a
   * reconcile of an older spec may still record a step of its strategy.
   */
  private static void narrowWeights(Life life, ServerlessApi api, Optional<PeekedFunction> function) {
    Routing alias = function.map(f -> f.aliases().get(life.names().alias())).orElse(null);
    if (alias == null || !alias.additionalWeights().isEmpty() || !life.exists() || api == null
        || api.getStatus() == null || !Objects.equals(api.getStatus().getObservedGeneration(), life.generation())) {
      return;
    }
    life.allowedWeights.clear();
    life.allowedWeights.putAll(SpecEdits.weights(life.written.getSpec().getFunction().getDeployment()));
    RolloutStatus rollout = api.getStatus().getRollout();
    if (rollout != null && RolloutStatus.PROGRESSING.equals(rollout.getPhase()) && rollout.getWeight() != null
        && rollout.getWeight() > 0 && rollout.getWeight() < 1) {
      life.allowedWeights.putIfAbsent(rollout.getWeight(), "recorded step of version " + rollout.getTargetVersion());
    }
  }

  /** At most one AWS resource per role and owner; one deployment per definition; nothing outside the region. */
  private void account(List<Life> lives, List<String> violations) {
    Map<String, List<String>> tablesByOwner = new TreeMap<>();
    for (String table : aws.dynamoDb(REGION).peekTableNames()) {
      String owner = aws.dynamoDb(REGION).peekTags(table).get(OwnerTags.OWNER);
      if (owner != null) {
        tablesByOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(table);
      }
    }
    duplicates("tables", tablesByOwner, violations);
    Map<String, List<String>> functionsByOwner = new TreeMap<>();
    for (String name : aws.lambda(REGION).state().peekFunctionNames()) {
      aws.lambda(REGION).state().peekFunction(name).map(f -> f.tags().get(OwnerTags.OWNER))
          .ifPresent(owner -> functionsByOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(name));
    }
    duplicates("functions", functionsByOwner, violations);
    Map<String, List<String>> apisByOwner = new TreeMap<>();
    for (PeekedApi api : aws.apiGateway(REGION).state().peekApis()) {
      Optional.ofNullable(api.tags().get(OwnerTags.OWNER))
          .ifPresent(owner -> apisByOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(api.id()));
      check(violations, new HashSet<>(api.deploymentDescriptions()).size() == api.deploymentDescriptions().size(),
          "REST API " + api.name() + ": two deployments of one definition: " + api.deploymentDescriptions());
    }
    duplicates("REST APIs", apisByOwner, violations);
    for (Life life : lives) {
      for (MetricAlarm alarm : alarms(life)) {
        check(violations, ALARM_ROLES.stream().anyMatch(role -> alarm.alarmName().equals(life.name + "-" + role + "-prod")),
            life.name + ": alarm " + alarm.alarmName() + " has no role of ours");
      }
      autoscaledCapacity(life, violations);
    }
    for (String service : List.of(SimulatedAws.DYNAMODB, SimulatedAws.LAMBDA, SimulatedAws.API_GATEWAY)) {
      Set<String> elsewhere = new HashSet<>(aws.regionsOf(service));
      elsewhere.remove(REGION);
      for (String region : elsewhere) {
        boolean empty = switch (service) {
          case SimulatedAws.DYNAMODB -> aws.dynamoDb(region).peekTableNames().isEmpty();
          case SimulatedAws.LAMBDA -> aws.lambda(region).state().peekFunctionNames().isEmpty();
          default -> aws.apiGateway(region).state().peekIds().isEmpty();
        };
        check(violations, empty, service + " holds resources in " + region + ", a region no spec names");
      }
    }
  }

  /** The capacity Application Auto Scaling set is still there: the operator never fights it. */
  private void autoscaledCapacity(Life life, List<String> violations) {
    if (life.autoscaled.isEmpty()) {
      return;
    }
    Optional<TableDescription> table = aws.dynamoDb(REGION).peek(life.names().table());
    life.autoscaled.forEach((target, capacity) -> {
      long now = table.map(t -> Capacities.of(t, target)).orElse(capacity);
      check(violations, now == capacity, life.name + ": " + target + " is " + now
          + " where Application Auto Scaling set " + capacity + " and the spec did not change");
    });
  }

  private void duplicates(String what, Map<String, List<String>> byOwner, List<String> violations) {
    byOwner.forEach((owner, names) -> check(violations, names.size() == 1, owner + " owns " + names.size() + " "
        + what + ": " + names));
  }

  /**
   * Every resource is gone, Ready for its generation with AWS as its spec says, or stopped for a reason a
   * human can act on ({@link ActionableReasons}).
   */
  List<String> settled(List<Life> lives) {
    List<String> violations = new ArrayList<>();
    for (Life life : lives) {
      ServerlessApi api = harness.get(life.name);
      if (api == null) {
        continue;
      }
      Optional<String> waiting = waitingForHuman(api);
      boolean ready = readyForItsGeneration(api);
      check(violations, ready || waiting.isPresent(), life.name + " did not settle: neither Ready for generation "
          + api.getMetadata().getGeneration() + " nor stopped for a reason a human can act on: "
          + (api.getStatus() == null ? "no status" : api.getStatus().getConditions().stream()
              .map(c -> c.getType() + "=" + c.getStatus() + " " + c.getReason() + " (" + c.getMessage() + ")").toList()));
      if (ready && api.getMetadata().getDeletionTimestamp() == null) {
        matchesSpec(life, api.getSpec(), violations);
        statusTellsTheTruth(life, api, violations);
      }
    }
    return violations;
  }

  /** Ready, for the generation it has now. */
  static boolean readyForItsGeneration(ServerlessApi api) {
    return OperatorHarness.condition(api, Conditions.READY).map(c -> Conditions.TRUE.equals(c.getStatus())).orElse(false)
        && observedItsGeneration(api);
  }

  static boolean observedItsGeneration(ServerlessApi api) {
    return api.getStatus() != null
        && Objects.equals(api.getStatus().getObservedGeneration(), api.getMetadata().getGeneration());
  }

  /** The reason a human must act on, when a condition gives one. */
  static Optional<String> waitingForHuman(ServerlessApi api) {
    Optional<String> terminal = OperatorHarness.condition(api, Conditions.TERMINAL)
        .filter(c -> Conditions.TRUE.equals(c.getStatus())).map(Condition::getReason)
        .filter(ActionableReasons.TERMINAL::contains);
    if (terminal.isPresent()) {
      return terminal;
    }
    return OperatorHarness.condition(api, Conditions.READY).map(Condition::getReason)
        .filter(ActionableReasons.PAUSED::equals);
  }

  private void matchesSpec(Life life, ServerlessApiSpec spec, List<String> violations) {
    AwsNames names = life.names();
    Optional<PeekedFunction> function = aws.lambda(REGION).state().peekFunction(names.function());
    check(violations, function.isPresent(), life.name + ": Ready without its function");
    function.ifPresent(f -> {
      check(violations, f.latest().memorySize() == spec.getFunction().getMemorySize()
          && f.latest().timeout() == spec.getFunction().getTimeout(), life.name + ": $LATEST has " + f.latest().memorySize()
          + " MB and " + f.latest().timeout() + " s where the spec says " + spec.getFunction().getMemorySize() + " and "
          + spec.getFunction().getTimeout());
      Routing alias = f.aliases().get(names.alias());
      check(violations, alias != null && alias.additionalWeights().isEmpty(),
          life.name + ": Ready while the alias is " + alias);
      if (alias != null) {
        aws.lambda(REGION).state().peekVersion(names.function(), alias.version()).ifPresent(version -> check(violations,
            version.memorySize() == spec.getFunction().getMemorySize() && version.timeout() == spec.getFunction().getTimeout()
                && version.s3Key().equals(spec.getFunction().getCode().getS3Key()),
            life.name + ": the alias serves version " + alias.version() + " (" + version.memorySize() + " MB, "
                + version.s3Key() + "), not the spec's"));
      }
    });
    Optional<PeekedApi> api = ours(life);
    check(violations, api.isPresent() && api.flatMap(a -> aws.apiGateway(REGION).state().peekRateLimit(a.id(), names.alias()))
        .map(rate -> rate.equals(spec.getApi().getThrottling().getRateLimit())).orElse(false),
        life.name + ": the stage's rate limit is not the spec's " + spec.getApi().getThrottling().getRateLimit());
    Map<String, Double> thresholds = alarms(life).stream()
        .collect(Collectors.toMap(MetricAlarm::alarmName, MetricAlarm::threshold));
    check(violations, Objects.equals(thresholds.get(names.lambdaErrorsAlarm()), spec.getAlarms().getLambdaErrors().getThreshold())
        && Objects.equals(thresholds.get(names.lambdaThrottlesAlarm()), spec.getAlarms().getLambdaThrottles() == null ? null
            : spec.getAlarms().getLambdaThrottles().getThreshold()),
        life.name + ": alarms " + thresholds + " do not match the spec");
    Optional<TableDescription> table = aws.dynamoDb(REGION).peek(names.table());
    check(violations, table.isPresent(), life.name + ": Ready without its table");
    for (boolean read : new boolean[] {true, false}) {
      ScalingSpec scaling = SpecEdits.scaling(spec.getTable(), read);
      String dimension = read ? "dynamodb:table:ReadCapacityUnits" : "dynamodb:table:WriteCapacityUnits";
      Optional<ScalableTarget> target = targets(life).stream()
          .filter(t -> t.resourceId().equals("table/" + names.table()) && t.scalableDimensionAsString().equals(dimension))
          .findFirst();
      if (scaling == null) {
        check(violations, target.isEmpty(), life.name + ": " + dimension + " still autoscaled, the spec has no autoscaling");
        long wanted = read ? spec.getTable().getReadCapacity() : spec.getTable().getWriteCapacity();
        table.ifPresent(t -> check(violations, Capacities.of(t, "table/" + names.table() + " " + dimension) == wanted,
            life.name + ": " + dimension + " is not the spec's " + wanted));
      } else {
        check(violations, target.map(t -> t.minCapacity() == scaling.getMinCapacity().intValue()
            && t.maxCapacity() == scaling.getMaxCapacity().intValue()).orElse(false),
            life.name + ": " + dimension + " target " + target.orElse(null) + " is not the spec's " + scaling.getMinCapacity()
                + ".." + scaling.getMaxCapacity());
      }
    }
  }

  /** A Ready resource's status names what AWS holds: the version served, the table, the API and its stage's deployment. */
  private void statusTellsTheTruth(Life life, ServerlessApi api, List<String> violations) {
    AwsNames names = life.names();
    String served = aws.lambda(REGION).state().peekRouting(names.function(), names.alias()).map(Routing::version)
        .orElse(null);
    String said = api.getStatus().getFunction() == null ? null : api.getStatus().getFunction().getServing();
    check(violations, Objects.equals(said, served), life.name + ": status says it serves " + said + ", the alias is on "
        + served);
    String table = api.getStatus().getTable() == null ? null : api.getStatus().getTable().getName();
    check(violations, names.table().equals(table), life.name + ": status names table " + table);
    Optional<PeekedApi> ours = ours(life);
    String apiId = api.getStatus().getApi() == null ? null : api.getStatus().getApi().getId();
    String deployment = api.getStatus().getApi() == null ? null : api.getStatus().getApi().getDeploymentId();
    check(violations, ours.map(a -> a.id().equals(apiId) && Objects.equals(a.stageDeployments().get(names.alias()),
        deployment)).orElse(false), life.name + ": status names REST API " + apiId + " deployment " + deployment
        + " where AWS holds " + ours.map(a -> a.id() + " deployment " + a.stageDeployments().get(names.alias())).orElse("none"));
  }

  private Optional<PeekedApi> ours(Life life) {
    return aws.apiGateway(REGION).state().peekApis().stream()
        .filter(a -> (NAMESPACE + "/" + life.name).equals(a.tags().get(OwnerTags.OWNER))).findFirst();
  }

  private List<MetricAlarm> alarms(Life life) {
    return aws.cloudWatch(REGION).state().peekAlarms().stream().filter(a -> a.alarmName().startsWith(life.name + "-"))
        .filter(a -> a.alarmName().endsWith("-prod")).toList();
  }

  private List<ScalableTarget> targets(Life life) {
    return aws.autoScaling(REGION).peekTargets().stream()
        .filter(t -> t.resourceId().startsWith("table/" + life.names().table())).toList();
  }

  private void check(List<String> violations, boolean holds, String violation) {
    checks++;
    if (!holds) {
      violations.add(violation);
    }
  }
}
