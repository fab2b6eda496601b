package dev.tap.operator.lives;

import dev.tap.operator.aws.AwsCallHook;
import dev.tap.operator.aws.AwsService;
import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.aws.simulated.lambda.LambdaState.PeekedFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every state the operator puts an alias in, seen right after each CreateAlias and UpdateAlias it
 * sends: a step's checks see only where the alias is at that moment, and a rollout can pass through
 * several states between two steps.
 */
final class AliasWatch implements AwsCallHook {

  private final Queue<PeekedFunction> seen = new ConcurrentLinkedQueue<>();
  private volatile SimulatedAws aws;

  void watch(SimulatedAws aws) {
    this.aws = aws;
  }

  @Override
  public void before(AwsService<?> service, String region, String operation) {}

  @Override
  public void after(AwsService<?> service, String region, String operation) {
    SimulatedAws watched = aws;
    if (watched != null && (operation.equals("UpdateAlias") || operation.equals("CreateAlias"))) {
      for (String function : watched.lambda(region).state().peekFunctionNames()) {
        watched.lambda(region).state().peekFunction(function).ifPresent(seen::add);
      }
    }
  }

  /** The functions as they were after each alias change since the last call. */
  List<PeekedFunction> drain() {
    List<PeekedFunction> drained = new ArrayList<>();
    for (PeekedFunction function = seen.poll(); function != null; function = seen.poll()) {
      drained.add(function);
    }
    return drained;
  }
}
