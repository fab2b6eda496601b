package dev.tap.operator.lives;

import static dev.tap.operator.OperatorHarness.REGION;

import dev.tap.operator.api.v1alpha1.ScalingSpec;
import dev.tap.operator.aws.simulated.SimulatedAws;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * What happens in AWS around the operator: Application Auto Scaling moving capacity, alarms firing,
 * and the faults of a bad day (throttling, 5xx, slow calls), until {@link #calm} ends them.
 */
final class AwsWeather {

  private static final List<String> SERVICES = List.of(SimulatedAws.DYNAMODB, SimulatedAws.APPLICATION_AUTO_SCALING,
      SimulatedAws.LAMBDA, SimulatedAws.CLOUDWATCH, SimulatedAws.API_GATEWAY);

  private final SimulatedAws aws;
  /** Steps left with added latency. */
  private int latencySteps;

  AwsWeather(SimulatedAws aws) {
    this.aws = aws;
  }

  /**
   * Application Auto Scaling sets a capacity within the target's range. Remembered (for the invariant
   * that the operator leaves it) only when the target's range is already the spec's, so that no
   * registration of a new range can move it.
   */
  String autoscale(Life life, Random random) {
    List<ScalableTarget> targets = aws.autoScaling(REGION).peekTargets().stream()
        .filter(t -> t.resourceId().startsWith("table/" + life.names().table())).toList();
    if (targets.isEmpty()) {
      return "no scalable target";
    }
    ScalableTarget target = targets.get(random.nextInt(targets.size()));
    long wanted = 1 + random.nextInt(150);
    long set = aws.autoScaling(REGION).scale(target.resourceId(), target.scalableDimension(), wanted);
    if (life.exists() && !life.deleting && target.resourceId().equals("table/" + life.names().table())
        && inSpecRange(life, target)) {
      life.autoscaled.put(target.resourceId() + " " + target.scalableDimensionAsString(), set);
    }
    return "Application Auto Scaling sets " + target.resourceId() + " " + target.scalableDimensionAsString() + " to " + set;
  }

  private static boolean inSpecRange(Life life, ScalableTarget target) {
    ScalingSpec scaling = SpecEdits.scaling(life.written.getSpec().getTable(),
        target.scalableDimension() == ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS);
    return scaling != null && scaling.getMinCapacity() == target.minCapacity().longValue()
        && scaling.getMaxCapacity() == target.maxCapacity().longValue();
  }

  String alarm(Life life, Random random) {
    List<MetricAlarm> alarms = ourAlarms(life);
    if (alarms.isEmpty()) {
      return "no alarm";
    }
    MetricAlarm alarm = alarms.get(random.nextInt(alarms.size()));
    StateValue state = random.nextInt(10) < 7 ? StateValue.ALARM : StateValue.OK;
    aws.cloudWatch(REGION).state().setState(alarm.alarmName(), state, "random lives");
    return alarm.alarmName() + " goes " + state;
  }

  List<MetricAlarm> ourAlarms(Life life) {
    return aws.cloudWatch(REGION).state().peekAlarms().stream()
        .filter(a -> a.alarmName().startsWith(life.name + "-") && a.alarmName().endsWith("-prod")).toList();
  }

  String fault(Random random) {
    String service = SERVICES.get(random.nextInt(SERVICES.size()));
    return switch (random.nextInt(3)) {
      case 0 -> {
        int times = 1 + random.nextInt(15);
        aws.faults().throttle(service, times);
        yield service + " throttles the next " + times + " calls";
      }
      case 1 -> {
        int times = 1 + random.nextInt(10);
        aws.faults().serverError(service, "*", times);
        yield service + " answers 500 to the next " + times + " calls";
      }
      default -> {
        Duration latency = Duration.ofMillis(10 + random.nextInt(40));
        latencySteps = 1 + random.nextInt(4);
        aws.setLatency(latency);
        yield "every call takes " + latency.toMillis() + " ms more for " + latencySteps + " steps";
      }
    };
  }

  /** A step ended: added latency lasts only the steps it was drawn for. */
  void stepEnded() {
    if (latencySteps > 0 && --latencySteps == 0) {
      aws.setLatency(Duration.ZERO);
    }
  }

  /** Faults end and every alarm of {@code lives} goes back to OK. */
  void calm(List<Life> lives) {
    aws.faults().clear();
    aws.setLatency(Duration.ZERO);
    latencySteps = 0;
    for (Life life : lives) {
      for (MetricAlarm alarm : ourAlarms(life)) {
        aws.cloudWatch(REGION).state().setState(alarm.alarmName(), StateValue.OK, "settling");
      }
    }
  }
}
