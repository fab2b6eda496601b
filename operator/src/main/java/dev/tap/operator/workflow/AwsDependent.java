package dev.tap.operator.workflow;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AwsSession;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.NameSetter;

/**
 * What every AWS dependent of the workflow shares: the name JOSDK gives it (from
 * {@code @Dependent(name = ...)}, which {@code dependsOn} refers to), its resource type, and the
 * {@link AwsSession} the reconciler put in the workflow context. Each reconcile reads AWS afresh.
 */
public abstract class AwsDependent<R> implements DependentResource<R, ServerlessApi>, Deleter<ServerlessApi>, NameSetter {

  private final Class<R> resourceType;
  private String name;

  protected AwsDependent(Class<R> resourceType) {
    this.resourceType = resourceType;
    this.name = DependentResource.defaultNameFor(getClass());
  }

  @Override
  public void setName(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Class<R> resourceType() {
    return resourceType;
  }

  protected static AwsSession session(Context<ServerlessApi> context) {
    return context.managedWorkflowAndDependentResourceContext().getMandatory(AwsSession.class, AwsSession.class);
  }

  /** Hands what this reconcile saw and did to the readiness conditions and the status. */
  protected static <T> void report(Context<ServerlessApi> context, Class<T> type, T outcome) {
    context.managedWorkflowAndDependentResourceContext().put(type, outcome);
  }
}
