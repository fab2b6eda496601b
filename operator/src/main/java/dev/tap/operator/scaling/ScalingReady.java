package dev.tap.operator.scaling;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Auto scaling is ready when this reconcile found nothing to change: the status then shows what AWS holds. */
public final class ScalingReady implements Condition<ObservedScaling, ServerlessApi> {

  @Override
  public boolean isMet(DependentResource<ObservedScaling, ServerlessApi> dependent, ServerlessApi api,
      Context<ServerlessApi> context) {
    return context.managedWorkflowAndDependentResourceContext().get(ScalingOutcome.class, ScalingOutcome.class)
        .map(outcome -> outcome.changes().isEmpty()).orElse(false);
  }
}
