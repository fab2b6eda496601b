package dev.tap.operator.aws;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkRequest;

/**
 * Clients whose every operation passes an {@link AwsCallHook} (pacing in production; call recording
 * and crash injection in tests). The SDK's interfaces route their convenience forms (builders,
 * paginators) to the one method per operation that takes its request object; only that method is
 * hooked, so a paginated read is one operation per page.
 */
public final class HookedAwsClients implements AwsClients {

  /** {@code service:Operation} of every operation the operator sent in this JVM: what the IAM policy is checked against. */
  private static final Set<String> SENT = ConcurrentHashMap.newKeySet();

  private final AwsClients delegate;
  private final AwsCallHook hook;
  private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

  public HookedAwsClients(AwsClients delegate, AwsCallHook hook) {
    this.delegate = delegate;
    this.hook = hook;
  }

  /** {@code service:Operation} of every operation sent through hooked clients in this JVM. */
  public static Set<String> sentInThisJvm() {
    return Set.copyOf(SENT);
  }

  @Override
  public <C extends SdkClient> C client(AwsService<C> service, String region) {
    return service.clientType().cast(clients.computeIfAbsent(service.name() + "/" + region, key ->
        (SdkClient) Proxy.newProxyInstance(service.clientType().getClassLoader(), new Class<?>[] {service.clientType()},
            new Hook(service, region, delegate.client(service, region)))));
  }

  private final class Hook implements InvocationHandler {
    private final AwsService<?> service;
    private final String region;
    private final SdkClient target;

    Hook(AwsService<?> service, String region, SdkClient target) {
      this.service = service;
      this.region = region;
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      boolean operation = args != null && args.length == 1 && SdkRequest.class.isAssignableFrom(method.getParameterTypes()[0])
          && !method.getName().endsWith("Paginator");
      if (!operation && method.isDefault()) {
        // builder and paginator forms call back into this proxy for each request they send
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      String name = Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1);
      Object result;
      try {
        if (operation) {
          SENT.add(service.name() + ":" + name);
          hook.before(service, region, name);
        }
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        if (operation) {
          hook.failed(service, region, name, e.getCause());
        }
        throw e.getCause();
      } catch (RuntimeException e) {
        if (operation) {
          hook.failed(service, region, name, e);
        }
        throw e;
      }
      if (operation) {
        hook.after(service, region, name);
      }
      return result;
    }
  }
}
