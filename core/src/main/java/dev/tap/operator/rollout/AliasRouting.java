package dev.tap.operator.rollout;

import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The one Lambda call of a rollout: UpdateAlias with its version, its routing and, on a rollback, its record. */
final class AliasRouting {

  private final LambdaClient lambda;

  AliasRouting(LambdaClient lambda) {
    this.lambda = lambda;
  }

  /** {@code version} serves all traffic but {@code weight} of it, which goes to {@code additional}. */
  void split(String function, String alias, String version, String additional, double weight) {
    lambda.updateAlias(r -> r.functionName(function).name(alias).functionVersion(version)
        .routingConfig(c -> c.additionalVersionWeights(Map.of(additional, weight))));
  }

  /** {@code version} serves all traffic; the description records a rollback, or is emptied. */
  void whole(String function, String alias, String version, String description) {
    lambda.updateAlias(r -> r.functionName(function).name(alias).functionVersion(version).description(description)
        .routingConfig(c -> c.additionalVersionWeights(Map.of())));
  }
}
