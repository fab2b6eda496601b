package dev.tap.operator.workflow;

import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;

/** The dependents a reconciler's {@code @Workflow} declares, in declaration order: the one list of them. */
public final class WorkflowDependents {

  private WorkflowDependents() {}

  public static List<String> names(Class<?> reconciler) {
    return declared(reconciler).stream().map(WorkflowDependents::nameOf).toList();
  }

  /** A fresh instance of each AWS dependent, named as the workflow names it. */
  public static List<AwsDependent<?>> instances(Class<?> reconciler) {
    return declared(reconciler).stream().map(dependent -> {
      try {
        AwsDependent<?> instance = (AwsDependent<?>) dependent.type().getDeclaredConstructor().newInstance();
        instance.setName(nameOf(dependent));
        return instance;
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot create dependent " + dependent.type().getName(),
            e instanceof InvocationTargetException t ? t.getCause() : e);
      }
    }).<AwsDependent<?>>map(d -> d).toList();
  }

  private static List<Dependent> declared(Class<?> reconciler) {
    Workflow workflow = reconciler.getAnnotation(Workflow.class);
    if (workflow == null) {
      throw new IllegalArgumentException(reconciler.getName() + " declares no @Workflow");
    }
    return Arrays.asList(workflow.dependents());
  }

  @SuppressWarnings("unchecked")
  private static String nameOf(Dependent dependent) {
    return dependent.name().isEmpty()
        ? DependentResource.defaultNameFor((Class<? extends DependentResource<?, ?>>) dependent.type())
        : dependent.name();
  }
}
