package dev.tap.operator;

import dev.tap.operator.reconciler.OperatorSettings;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class against its own mock Kubernetes API server (CRUD), started once for the class with the
 * CRD installed: its {@code KubernetesClient} fields, static or not, get the server's client. A
 * non-static {@code OperatorHarness} field gets an operator on a fresh simulated account for each test
 * method, started as {@link #operator()} says and closed after it (which removes every ServerlessApi).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OperatorTestExtension.class)
public @interface OperatorTest {

  Started operator() default Started.FAST;

  /** How each test method's operator is started. */
  enum Started {
    FAST(OperatorHarness.FAST),
    RARE_RESYNC(OperatorHarness.RARE_RESYNC),
    /** Not at all: the test starts its own, with settings of its choice (its harness field is left alone). */
    BY_THE_TEST(null);

    final OperatorSettings settings;

    Started(OperatorSettings settings) {
      this.settings = settings;
    }
  }
}
