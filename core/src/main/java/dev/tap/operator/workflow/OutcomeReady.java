package dev.tap.operator.workflow;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** The ready postcondition of every AWS dependent: what its outcome of this reconcile says. */
public final class OutcomeReady implements Condition<Object, ServerlessApi> {

  @Override
  public boolean isMet(DependentResource<Object, ServerlessApi> dependent, ServerlessApi api,
      Context<ServerlessApi> context) {
    return AwsDependent.session(context).outcomes().get(dependent.name()).map(DependentOutcome::ready).orElse(false);
  }
}
