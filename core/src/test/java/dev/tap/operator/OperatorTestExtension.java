package dev.tap.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * What {@link OperatorTest} does. The server and the operators live in JUnit's stores, which close
 * them when their class or test method is done.
 */
final class OperatorTestExtension implements BeforeAllCallback, TestInstancePostProcessor, BeforeEachCallback {

  private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(OperatorTestExtension.class);

  /** A CRUD mock API server, as {@code @EnableKubernetesMockClient(crud = true)} makes it, with the CRD installed. */
  private record Cluster(KubernetesMockServer server, KubernetesClient client) implements AutoCloseable {

    static Cluster start() {
      Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
      KubernetesMockServer server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(),
          responses, new KubernetesMixedDispatcher(responses), true);
      server.init();
      KubernetesClient client = server.createClient();
      OperatorHarness.installCrd(client);
      return new Cluster(server, client);
    }

    @Override
    public void close() {
      client.close();
      server.destroy();
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    Cluster cluster = context.getStore(STORE).getOrComputeIfAbsent(Cluster.class, key -> Cluster.start(), Cluster.class);
    for (Field field : fields(context.getRequiredTestClass(), KubernetesClient.class, true)) {
      field.set(null, cluster.client());
    }
  }

  @Override
  public void postProcessTestInstance(Object test, ExtensionContext context) throws IllegalAccessException {
    for (Field field : fields(test.getClass(), KubernetesClient.class, false)) {
      field.set(test, cluster(context).client());
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    OperatorTest.Started started = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), OperatorTest.class)
        .orElseThrow().operator();
    Object test = context.getRequiredTestInstance();
    List<Field> fields = fields(test.getClass(), OperatorHarness.class, false);
    if (started.settings == null || fields.isEmpty()) {
      return;
    }
    OperatorHarness operator = OperatorHarness.start(cluster(context).client(), started.settings);
    // In the method's store: JUnit closes it once the test and its @AfterEach methods are done.
    context.getStore(STORE).put(OperatorHarness.class, operator);
    for (Field field : fields) {
      field.set(test, operator);
    }
  }

  /** The class's cluster, also from a method's context (a store looks in its parents'). */
  private static Cluster cluster(ExtensionContext context) {
    return context.getStore(STORE).get(Cluster.class, Cluster.class);
  }

  /** The fields of exactly {@code type}, static or not, made accessible. */
  private static List<Field> fields(Class<?> testClass, Class<?> type, boolean isStatic) {
    List<Field> fields = ReflectionSupport.findFields(testClass,
        field -> field.getType() == type && Modifier.isStatic(field.getModifiers()) == isStatic,
        HierarchyTraversalMode.TOP_DOWN);
    fields.forEach(field -> field.setAccessible(true));
    return fields;
  }
}
