package dev.tap.operator.workflow;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.workflow.AwsSession;
import dev.tap.operator.aws.TerminalException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.NameSetter;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import java.util.List;

/**
 * The template of every AWS dependent: a subclass reads AWS afresh, makes the changes it needs and
 * returns its {@link DependentOutcome} ({@link #sync}); the base keeps the outcome under the name
 * JOSDK gives the dependent ({@code @Dependent(name = ...)}) and turns a blocked outcome into an
 * ACK.Terminal failure. The {@link AwsSession} comes from the workflow context.
 */
public abstract class AwsDependent<O extends DependentOutcome>
    implements DependentResource<O, ServerlessApi>, Deleter<ServerlessApi>, NameSetter {

  private final Class<O> outcomeType;
  private String name;

  protected AwsDependent(Class<O> outcomeType) {
    this.outcomeType = outcomeType;
    this.name = DependentResource.defaultNameFor(getClass());
  }

  /** Reads what AWS holds, makes the changes the spec needs, says what it saw and did. Blocked: change nothing. */
  protected abstract O sync(ServerlessApi api, AwsSession session);

  /** Deletes what this dependent owns in AWS, and nothing else; runs when the resource is deleted with policy Delete. */
  protected abstract void cleanup(ServerlessApi api, AwsSession session);

  /** What AWS holds for the sandbox's inventory, read with the same calls the dependent makes. */
  public abstract List<InventoryItem> inventory(ServerlessApi api, AwsSession session);

  @Override
  public final ReconcileResult<O> reconcile(ServerlessApi primary, Context<ServerlessApi> context) {
    AwsSession session = session(context);
    O outcome = session.outcomes().trusted(name, outcomeType)
        .orElseGet(() -> session.pass(name, () -> sync(session.resource(), session)));
    report(session, outcome);
    if (outcome.blocked().isPresent()) {
      throw new TerminalException(outcome.blocked().get().reason(), outcome.blocked().get().message());
    }
    return outcome.ready() ? ReconcileResult.noOperation(outcome) : ReconcileResult.resourceUpdated(outcome);
  }

  @Override
  public final void delete(ServerlessApi primary, Context<ServerlessApi> context) {
    AwsSession session = session(context);
    session.pass(name, () -> {
      cleanup(session.resource(), session);
      return null;
    });
  }

  /** Keeps an outcome before a risky call too, so a failure's status still shows what AWS held. */
  protected final void report(AwsSession session, O outcome) {
    session.outcomes().put(name, outcome);
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
  public Class<O> resourceType() {
    return outcomeType;
  }

  static AwsSession session(Context<ServerlessApi> context) {
    return context.managedWorkflowAndDependentResourceContext().getMandatory(AwsSession.class, AwsSession.class);
  }
}
