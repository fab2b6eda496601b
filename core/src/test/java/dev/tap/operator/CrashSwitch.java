package dev.tap.operator;

import dev.tap.operator.aws.AwsCallHook;
import dev.tap.operator.aws.AwsService;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Kills one operator at a chosen point, as a crash would: right after its k-th AWS call (AWS applied
 * it, the operator never hears back) or right after its k-th status write. From then on it reaches
 * neither AWS nor Kubernetes again. Sees every AWS call (a hook) and every Kubernetes request (an
 * interceptor on that operator's own client).
 */
final class CrashSwitch implements AwsCallHook, Interceptor {

  private final AtomicInteger awsCallsLeft = new AtomicInteger(-1);
  private final AtomicInteger statusWritesLeft = new AtomicInteger(-1);
  private final CountDownLatch crashed = new CountDownLatch(1);
  private final AtomicInteger awsCalls = new AtomicInteger();
  private volatile boolean writesOnly;
  private volatile String operationToCrashAfter;

  void afterAwsCalls(int k) {
    awsCallsLeft.set(k);
  }

  /** Crashes right after the first call of {@code operation}. */
  void afterOperation(String operation) {
    operationToCrashAfter = operation;
  }

  /** Counts only the calls that change AWS: a crash after a read is one before the next write. */
  void afterAwsWrites(int k) {
    writesOnly = true;
    awsCallsLeft.set(k);
  }

  void afterStatusWrites(int k) {
    statusWritesLeft.set(k);
  }

  boolean awaitCrash(Duration patience) throws InterruptedException {
    return crashed.await(patience.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** AWS calls this operator made before it crashed (or so far). */
  int awsCalls() {
    return awsCalls.get();
  }

  boolean hasCrashed() {
    return isCrashed();
  }

  private boolean isCrashed() {
    return crashed.getCount() == 0;
  }

  @Override
  public void before(AwsService<?> service, String region, String operation) {
    if (isCrashed()) {
      throw SdkClientException.create("the operator has crashed (test)");
    }
    awsCalls.incrementAndGet();
  }

  @Override
  public void after(AwsService<?> service, String region, String operation) {
    if (operation.equals(operationToCrashAfter)) {
      operationToCrashAfter = null;
      crashed.countDown();
      throw SdkClientException.create("the operator crashed right after " + service.name() + ":" + operation + " (test)");
    }
    if (writesOnly && operation.matches("(Describe|List|Get).*")) {
      return;
    }
    if (awsCallsLeft.get() > 0 && awsCallsLeft.decrementAndGet() == 0) {
      crashed.countDown();
      throw SdkClientException.create("the operator crashed right after " + service.name() + ":" + operation + " (test)");
    }
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    if (isCrashed()) {
      throw new IllegalStateException("the operator has crashed (test)");
    }
    boolean statusWrite = !"GET".equals(request.method()) && request.uri().getPath().endsWith("/status");
    if (statusWrite && statusWritesLeft.get() > 0 && statusWritesLeft.decrementAndGet() == 0) {
      crashed.countDown();
    }
  }
}
