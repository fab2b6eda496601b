package dev.tap.operator.aws.simulated;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Failures injected by tests: the next N calls of an operation (or of every operation: "*") fail. */
public final class Faults {

  private record Fault(String service, String operation, Supplier<? extends RuntimeException> error, int[] remaining) {
    boolean matches(String s, String o) {
      return service.equals(s) && (operation.equals("*") || operation.equals(o)) && remaining[0] != 0;
    }
  }

  private final List<Fault> faults = new ArrayList<>();

  /** The next {@code times} matching calls throw {@code error}; a negative count means until cleared. */
  public synchronized void inject(String service, String operation, int times, Supplier<? extends RuntimeException> error) {
    faults.add(new Fault(service, operation, error, new int[] {times}));
  }

  /** Throttles the next {@code times} calls of a service, as its control plane does when a quota is exceeded. */
  public void throttle(String service, int times) {
    inject(service, "*", times, () -> AwsErrors.throttling(service, "this operation"));
  }

  /** A 500 from the service on the next {@code times} calls of an operation. */
  public void serverError(String service, String operation, int times) {
    inject(service, operation, times, () -> AwsErrors.<AwsServiceException>build(AwsServiceException.builder(),
        service, "InternalServerError", 500, "Internal server error"));
  }

  public synchronized void clear() {
    faults.clear();
  }

  synchronized void check(String service, String operation) {
    for (Fault fault : faults) {
      if (fault.matches(service, operation)) {
        fault.remaining()[0]--;
        throw fault.error().get();
      }
    }
  }
}
