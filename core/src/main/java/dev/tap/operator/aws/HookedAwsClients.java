package dev.tap.operator.aws;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkRequest;

/**
 * Clients whose every operation passes a list of {@link AwsCallHook}s, one proxy per client. The SDK's
 * interfaces route their convenience forms (builders, paginators) to the one method per operation that
 * takes its request object; only that method is hooked, so a paginated read is one operation per page.
 *
 * <p>The hooks nest like layers, the first outermost: {@code before} runs in list order and stops at
 * the first hook that throws (the call is then not sent); every hook whose {@code before} ran, the
 * thrower included, then hears {@code failed}, in reverse order. A sent call's end is heard in reverse
 * order too: {@code after} while all goes well, and once an {@code after} throws, {@code failed} with
 * that exception for the hooks before it.
 */
public final class HookedAwsClients implements AwsClients {

  private final AwsClients delegate;
  private final List<AwsCallHook> hooks;
  private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

  public HookedAwsClients(AwsClients delegate, List<AwsCallHook> hooks) {
    this.delegate = delegate;
    this.hooks = List.copyOf(hooks);
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
      if (operation) {
        return send(method, args, Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1));
      }
      if (method.isDefault()) {
        // builder and paginator forms call back into this proxy for each request they send
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    private Object send(Method method, Object[] args, String operation) throws Throwable {
      int entered = 0;
      Object result;
      try {
        while (entered < hooks.size()) {
          hooks.get(entered++).before(service, region, operation);
        }
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw failed(entered, operation, e.getCause());
      } catch (RuntimeException e) {
        throw failed(entered, operation, e);
      }
      for (int i = hooks.size() - 1; i >= 0; i--) {
        try {
          hooks.get(i).after(service, region, operation);
        } catch (RuntimeException e) {
          throw failed(i, operation, e);
        }
      }
      return result;
    }

    /** Tells the first {@code entered} hooks, innermost first, and returns the failure to throw. */
    private Throwable failed(int entered, String operation, Throwable failure) {
      for (int i = entered - 1; i >= 0; i--) {
        hooks.get(i).failed(service, region, operation, failure);
      }
      return failure;
    }
  }
}
