package dev.tap.operator.aws;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkRequest;

/**
 * Clients whose every operation first takes a token from {@link AwsPacing}. The SDK's interfaces
 * route their convenience forms (builders, paginators) to the one method per operation that takes
 * its request object; only that method is paced, so a paginated read costs one token per page.
 */
public final class PacedAwsClients implements AwsClients {

  private final AwsClients delegate;
  private final AwsPacing pacing;
  private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

  public PacedAwsClients(AwsClients delegate, AwsPacing pacing) {
    this.delegate = delegate;
    this.pacing = pacing;
  }

  @Override
  public <C extends SdkClient> C client(AwsService<C> service, String region) {
    return service.clientType().cast(clients.computeIfAbsent(service.name() + "/" + region, key ->
        (SdkClient) Proxy.newProxyInstance(service.clientType().getClassLoader(), new Class<?>[] {service.clientType()},
            new Pacer(service, region, delegate.client(service, region)))));
  }

  private final class Pacer implements InvocationHandler {
    private final AwsService<?> service;
    private final String region;
    private final SdkClient target;

    Pacer(AwsService<?> service, String region, SdkClient target) {
      this.service = service;
      this.region = region;
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      boolean operation = args != null && args.length == 1 && SdkRequest.class.isAssignableFrom(method.getParameterTypes()[0])
          && !method.getName().endsWith("Paginator");
      if (operation) {
        pacing.take(region, service, Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1));
      } else if (method.isDefault() && !isObjectMethod(method)) {
        // builder and paginator forms call back into this proxy for each request they send
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    private boolean isObjectMethod(Method method) {
      return method.getDeclaringClass() == Object.class;
    }
  }
}
