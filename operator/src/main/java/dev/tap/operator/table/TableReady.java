package dev.tap.operator.table;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** The table is ready when this reconcile found it in sync: ACTIVE, every index ACTIVE, nothing to change. */
public final class TableReady implements Condition<ObservedTable, ServerlessApi> {

  @Override
  public boolean isMet(DependentResource<ObservedTable, ServerlessApi> dependent, ServerlessApi api,
      Context<ServerlessApi> context) {
    return context.managedWorkflowAndDependentResourceContext().get(TableOutcome.class, TableOutcome.class)
        .map(TableOutcome::inSync).orElse(false);
  }
}
