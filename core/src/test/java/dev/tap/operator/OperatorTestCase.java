package dev.tap.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test with the real operator on a fresh simulated account for each test method, against the test
 * class's mock API server ({@code @EnableKubernetesMockClient(crud = true)} and a static client the
 * class hands over through {@link #client()}), the CRD installed once.
 */
public abstract class OperatorTestCase {

  protected OperatorHarness operator;

  protected abstract KubernetesClient client();

  @BeforeEach
  void startOperator() {
    if (client().apiextensions().v1().customResourceDefinitions().withName("serverlessapis.serverless.tap.dev").get() == null) {
      OperatorHarness.installCrd(client());
    }
    operator = OperatorHarness.start(client());
  }

  @AfterEach
  void stopOperator() {
    operator.close();
  }
}
