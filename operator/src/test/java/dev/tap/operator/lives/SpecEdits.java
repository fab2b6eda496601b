package dev.tap.operator.lives;

import dev.tap.operator.api.v1alpha1.AlarmSpec;
import dev.tap.operator.api.v1alpha1.AutoScalingSpec;
import dev.tap.operator.api.v1alpha1.DeletionPolicy;
import dev.tap.operator.api.v1alpha1.DeploymentSpec;
import dev.tap.operator.api.v1alpha1.DeploymentStrategy;
import dev.tap.operator.api.v1alpha1.FunctionEnvironment;
import dev.tap.operator.api.v1alpha1.IndexSpec;
import dev.tap.operator.api.v1alpha1.KeyAttribute;
import dev.tap.operator.api.v1alpha1.KeyType;
import dev.tap.operator.api.v1alpha1.LoggingLevel;
import dev.tap.operator.api.v1alpha1.ScalingSpec;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.api.v1alpha1.ServerlessApiSpec;
import dev.tap.operator.api.v1alpha1.TableSpec;
import dev.tap.operator.api.v1alpha1.ThrottlingSpec;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The spec edits of a random life. A valid edit changes one field that may change, within its range
 * and the CRD's rules; an invalid one breaks exactly one rule the API server enforces. Each edits the
 * resource in place and says what it did.
 */
final class SpecEdits {

  private static final int VALID = 18;
  private static final int INVALID = 8;

  private SpecEdits() {}

  static String valid(ServerlessApi api, Random random) {
    ServerlessApiSpec spec = api.getSpec();
    TableSpec table = spec.getTable();
    return switch (random.nextInt(VALID)) {
      case 0 -> {
        spec.getFunction().setMemorySize(128 + 64 * random.nextInt(31));
        yield "memorySize " + spec.getFunction().getMemorySize();
      }
      case 1 -> {
        spec.getFunction().setTimeout(1 + random.nextInt(60));
        yield "timeout " + spec.getFunction().getTimeout();
      }
      case 2 -> {
        FunctionEnvironment environment = new FunctionEnvironment();
        environment.setVariables(random.nextBoolean() ? null : Map.of("FEATURE", "f" + random.nextInt(5)));
        spec.getFunction().setEnvironment(environment.getVariables() == null ? null : environment);
        yield "environment " + environment.getVariables();
      }
      case 3 -> capacity(table, random, true);
      case 4 -> capacity(table, random, false);
      case 5 -> scaling(table, random, true);
      case 6 -> scaling(table, random, false);
      case 7 -> {
        IndexSpec index = table.getGlobalSecondaryIndexes().get(0);
        ScalingSpec read = index.getAutoScaling() == null ? null : index.getAutoScaling().getRead();
        if (read == null) {
          index.setReadCapacity(1L + random.nextInt(50));
          yield "index readCapacity " + index.getReadCapacity();
        }
        read.setTargetUtilizationPercent(20 + random.nextInt(71));
        yield "index read target " + read.getTargetUtilizationPercent() + "%";
      }
      case 8 -> {
        table.setPointInTimeRecovery(!Boolean.TRUE.equals(table.getPointInTimeRecovery()));
        yield "pointInTimeRecovery " + table.getPointInTimeRecovery();
      }
      case 9 -> {
        table.setDeletionProtection(!Boolean.TRUE.equals(table.getDeletionProtection()));
        yield "deletionProtection " + table.getDeletionProtection();
      }
      case 10 -> {
        DeletionPolicy[] policies = {DeletionPolicy.Delete, DeletionPolicy.Retain, null};
        spec.setDeletionPolicy(policies[random.nextInt(3)]);
        yield "deletionPolicy " + spec.getDeletionPolicy();
      }
      case 11 -> strategy(spec.getFunction().getDeployment(), random);
      case 12 -> {
        ThrottlingSpec throttling = new ThrottlingSpec();
        throttling.setRateLimit((double) (1 + random.nextInt(1000)));
        throttling.setBurstLimit(1 + random.nextInt(2000));
        spec.getApi().setThrottling(throttling);
        yield "throttling " + throttling.getRateLimit() + "/" + throttling.getBurstLimit();
      }
      case 13 -> {
        spec.getApi().setLoggingLevel(LoggingLevel.values()[random.nextInt(LoggingLevel.values().length)]);
        spec.getApi().setMetricsEnabled(random.nextBoolean());
        yield "logging " + spec.getApi().getLoggingLevel() + ", metrics " + spec.getApi().getMetricsEnabled();
      }
      case 14 -> {
        AlarmSpec errors = spec.getAlarms().getLambdaErrors();
        errors.setThreshold((double) (1 + random.nextInt(20)));
        errors.setEvaluationPeriods(1 + random.nextInt(5));
        yield "lambdaErrors " + errors.getThreshold() + " over " + errors.getEvaluationPeriods();
      }
      case 15 -> {
        if (spec.getAlarms().getLambdaThrottles() != null) {
          spec.getAlarms().setLambdaThrottles(null);
          yield "lambdaThrottles alarm removed";
        }
        AlarmSpec throttles = new AlarmSpec();
        throttles.setThreshold((double) (1 + random.nextInt(10)));
        throttles.setEvaluationPeriods(1);
        throttles.setPeriodSeconds(60);
        spec.getAlarms().setLambdaThrottles(throttles);
        yield "lambdaThrottles alarm at " + throttles.getThreshold();
      }
      case 16 -> {
        DeploymentSpec deployment = spec.getFunction().getDeployment();
        deployment.setPaused(Boolean.TRUE.equals(deployment.getPaused()) ? null : true);
        yield "deployment.paused " + deployment.getPaused();
      }
      default -> {
        spec.getFunction().setKeepVersions(random.nextBoolean() ? null : 1 + random.nextInt(4));
        yield "keepVersions " + spec.getFunction().getKeepVersions();
      }
    };
  }

  /** The table's capacity, within its autoscaling range when it has one (CEL refuses it outside). */
  private static String capacity(TableSpec table, Random random, boolean read) {
    ScalingSpec scaling = scaling(table, read);
    long low = scaling == null ? 1 : scaling.getMinCapacity();
    long high = scaling == null ? 50 : scaling.getMaxCapacity();
    long capacity = low + (long) random.nextInt((int) (high - low + 1));
    if (read) {
      table.setReadCapacity(capacity);
    } else {
      table.setWriteCapacity(capacity);
    }
    return (read ? "readCapacity " : "writeCapacity ") + capacity;
  }

  /** Autoscaling of the table's reads or writes: new bounds and target, added or removed. */
  private static String scaling(TableSpec table, Random random, boolean read) {
    String which = read ? "read" : "write";
    if (scaling(table, read) != null && random.nextInt(4) == 0) {
      setScaling(table, read, null);
      return which + " autoscaling removed";
    }
    ScalingSpec scaling = new ScalingSpec();
    scaling.setMinCapacity(1L + random.nextInt(10));
    scaling.setMaxCapacity(scaling.getMinCapacity() + random.nextInt(200));
    scaling.setTargetUtilizationPercent(20 + random.nextInt(71));
    setScaling(table, read, scaling);
    long capacity = Math.max(scaling.getMinCapacity(), Math.min(scaling.getMaxCapacity(),
        read ? table.getReadCapacity() : table.getWriteCapacity()));
    if (read) {
      table.setReadCapacity(capacity);
    } else {
      table.setWriteCapacity(capacity);
    }
    return which + " autoscaling " + scaling.getMinCapacity() + ".." + scaling.getMaxCapacity() + " at "
        + scaling.getTargetUtilizationPercent() + "%";
  }

  static ScalingSpec scaling(TableSpec table, boolean read) {
    AutoScalingSpec autoScaling = table.getAutoScaling();
    return autoScaling == null ? null : read ? autoScaling.getRead() : autoScaling.getWrite();
  }

  private static void setScaling(TableSpec table, boolean read, ScalingSpec scaling) {
    AutoScalingSpec autoScaling = table.getAutoScaling() == null ? new AutoScalingSpec() : table.getAutoScaling();
    if (read) {
      autoScaling.setRead(scaling);
    } else {
      autoScaling.setWrite(scaling);
    }
    table.setAutoScaling(autoScaling.getRead() == null && autoScaling.getWrite() == null ? null : autoScaling);
  }

  private static String strategy(DeploymentSpec deployment, Random random) {
    DeploymentStrategy strategy = DeploymentStrategy.values()[random.nextInt(3)];
    deployment.setStrategy(strategy);
    deployment.setCanaryPercent(strategy == DeploymentStrategy.Canary ? 1 + random.nextInt(50) : null);
    deployment.setLinearPercent(strategy == DeploymentStrategy.Linear ? 10 + random.nextInt(41) : null);
    deployment.setInterval(strategy == DeploymentStrategy.AllAtOnce ? null : (1 + random.nextInt(5)) + "m");
    deployment.setRollbackOnAlarm(strategy == DeploymentStrategy.AllAtOnce ? null : true);
    if (strategy == DeploymentStrategy.AllAtOnce) {
      deployment.setAnalysis(null);
      deployment.setApproval(null);
      deployment.setTrafficChecks(null);
    }
    return "strategy " + strategy + (deployment.getCanaryPercent() != null ? " " + deployment.getCanaryPercent() + "%"
        : deployment.getLinearPercent() != null ? " " + deployment.getLinearPercent() + "%" : "")
        + (deployment.getInterval() == null ? "" : " every " + deployment.getInterval());
  }

  /** Breaks one rule of the CRD's schema or its CEL rules. */
  static String invalid(ServerlessApi api, Random random) {
    ServerlessApiSpec spec = api.getSpec();
    return switch (random.nextInt(INVALID)) {
      case 0 -> {
        spec.getFunction().setMemorySize(64);
        yield "memorySize 64 (below 128)";
      }
      case 1 -> {
        spec.setEnvironment("staging");
        yield "environment changed (immutable)";
      }
      case 2 -> {
        spec.setRegion("eu-west-1");
        yield "region changed (immutable)";
      }
      case 3 -> {
        spec.getFunction().getDeployment().setStrategy(DeploymentStrategy.Linear);
        spec.getFunction().getDeployment().setCanaryPercent(10);
        yield "canaryPercent with strategy Linear";
      }
      case 4 -> {
        ScalingSpec scaling = new ScalingSpec();
        scaling.setMinCapacity(10L);
        scaling.setMaxCapacity(5L);
        scaling.setTargetUtilizationPercent(70);
        AutoScalingSpec autoScaling = spec.getTable().getAutoScaling() == null ? new AutoScalingSpec()
            : spec.getTable().getAutoScaling();
        autoScaling.setRead(scaling);
        spec.getTable().setAutoScaling(autoScaling);
        yield "read minCapacity above maxCapacity";
      }
      case 5 -> {
        spec.getAlarms().getLambdaErrors().setPeriodSeconds(45);
        yield "alarm periodSeconds 45";
      }
      case 6 -> {
        KeyAttribute key = new KeyAttribute();
        key.setName("pk");
        key.setType(KeyType.S);
        spec.getTable().setPartitionKey(key);
        yield "partitionKey changed (immutable)";
      }
      default -> {
        ScalingSpec read = scaling(spec.getTable(), true);
        if (read == null) {
          spec.getFunction().setTimeout(901);
          yield "timeout 901 (above 900)";
        }
        spec.getTable().setReadCapacity(read.getMaxCapacity() + 1);
        yield "readCapacity above its autoscaling maxCapacity";
      }
    };
  }

  /** The alias weights that {@code deployment}'s strategy may set while it rolls out. */
  static Map<Double, String> weights(DeploymentSpec deployment) {
    Map<Double, String> weights = new TreeMap<>();
    if (deployment == null || deployment.getStrategy() == null) {
      return weights;
    }
    switch (deployment.getStrategy()) {
      case Canary -> weights.put(deployment.getCanaryPercent() / 100.0, "Canary " + deployment.getCanaryPercent() + "%");
      case Linear -> {
        for (int percent = deployment.getLinearPercent(); percent < 100; percent += deployment.getLinearPercent()) {
          weights.put(percent / 100.0, "Linear " + deployment.getLinearPercent() + "%");
        }
      }
      default -> { }
    }
    return weights;
  }
}
