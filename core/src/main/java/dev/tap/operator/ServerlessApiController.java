package dev.tap.operator;

import dev.tap.operator.alarms.AlarmsDependent;
import dev.tap.operator.aws.RegionResolver;
import dev.tap.operator.function.FunctionDependent;
import dev.tap.operator.metrics.OperatorMetrics;
import dev.tap.operator.reconciler.AwsSessionFactory;
import dev.tap.operator.reconciler.OperatorSettings;
import dev.tap.operator.reconciler.Preflight;
import dev.tap.operator.reconciler.ServerlessApiReconciler;
import dev.tap.operator.reconciler.SpecOrAckAnnotationChanged;
import dev.tap.operator.reconciler.StatusWriter;
import dev.tap.operator.restapi.RestApiDependent;
import dev.tap.operator.rollout.RolloutDependent;
import dev.tap.operator.scaling.ScalingDependent;
import dev.tap.operator.table.DeletionProtectionGuard;
import dev.tap.operator.table.TableDependent;
import dev.tap.operator.workflow.OutcomeReady;
import dev.tap.operator.workflow.WorkflowDependents;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import java.time.Clock;
import java.util.List;

/**
 * The controller JOSDK runs: the reconciler's chain with the workflow of AWS dependents and their
 * order, declared in one place. A new AWS concern is one line here.
 */
@Workflow(explicitInvocation = true, dependents = {
    @Dependent(name = "table", type = TableDependent.class, readyPostcondition = OutcomeReady.class),
    @Dependent(name = "scaling", type = ScalingDependent.class, readyPostcondition = OutcomeReady.class,
        dependsOn = "table"),
    @Dependent(name = "function", type = FunctionDependent.class, readyPostcondition = OutcomeReady.class,
        dependsOn = "table"),
    @Dependent(name = "alarms", type = AlarmsDependent.class, readyPostcondition = OutcomeReady.class,
        dependsOn = "table"),
    @Dependent(name = "rollout", type = RolloutDependent.class, readyPostcondition = OutcomeReady.class,
        dependsOn = {"function", "alarms"}),
    @Dependent(name = "restapi", type = RestApiDependent.class, readyPostcondition = OutcomeReady.class,
        dependsOn = "function"),
    // Last in a reconcile, so first in a deletion: a protected table stops the deletion of everything.
    @Dependent(name = "protection", type = DeletionProtectionGuard.class, readyPostcondition = OutcomeReady.class,
        dependsOn = {"scaling", "rollout", "restapi"})
})
// Not generation-aware: SpecOrAckAnnotationChanged lets the ACK annotations' changes through as well.
@ControllerConfiguration(name = ServerlessApiReconciler.NAME, generationAwareEventProcessing = false,
    informer = @Informer(onUpdateFilter = SpecOrAckAnnotationChanged.class))
public final class ServerlessApiController extends ServerlessApiReconciler {

  /** The dependents in workflow order, from the annotation above. */
  public static final List<String> DEPENDENTS = WorkflowDependents.names(ServerlessApiController.class);

  public ServerlessApiController(Preflight preflight, RegionResolver regions, AwsSessionFactory sessions,
      StatusWriter statusWriter, OperatorSettings settings, Clock clock, OperatorMetrics metrics) {
    super(preflight, regions, sessions, statusWriter, settings, clock, metrics);
  }
}
