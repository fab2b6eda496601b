package dev.tap.operator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The directions the product's packages may depend in: no cycle among them; the reconciler, status
 * and workflow packages name no dependent (the workflow is declared once, on
 * {@link ServerlessApiController}); the AWS clients know nothing of reconciles; and nothing in the
 * product names a stand-in (the simulated AWS, the sandbox, fabric8's mock server, kube-api-test).
 */
class ArchitectureTest {

  /** This module's main classes only: the test classpath also holds the simulated AWS. */
  private static final JavaClasses PRODUCT = new ClassFileImporter().importPath(Path.of("target", "classes"));
  private static final String[] DEPENDENTS = {"dev.tap.operator.table..", "dev.tap.operator.scaling..",
      "dev.tap.operator.function..", "dev.tap.operator.alarms..", "dev.tap.operator.rollout..",
      "dev.tap.operator.restapi.."};

  @Test
  void the_packages_form_no_cycle() {
    slices().matching("dev.tap.operator.(*)..").should().beFreeOfCycles().check(PRODUCT);
  }

  @Test
  void the_reconciler_status_and_workflow_name_no_dependent() {
    noClasses().that().resideInAnyPackage("dev.tap.operator.reconciler..", "dev.tap.operator.status..",
        "dev.tap.operator.workflow..").should().dependOnClassesThat().resideInAnyPackage(DEPENDENTS).check(PRODUCT);
  }

  @Test
  void the_aws_clients_know_no_reconcile() {
    noClasses().that().resideInAPackage("dev.tap.operator.aws..").should().dependOnClassesThat()
        .resideInAnyPackage("dev.tap.operator.reconciler..", "dev.tap.operator.workflow..", "dev.tap.operator.status..")
        .orShould().dependOnClassesThat().resideInAnyPackage(DEPENDENTS).check(PRODUCT);
  }

  @Test
  void the_product_names_no_stand_in() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.tap.operator.aws.simulated..",
        "dev.tap.operator.sandbox..", "io.fabric8.kubernetes.client.server.mock..", "io.fabric8.mockwebserver..",
        "io.fabric8.kubeapitest..").check(PRODUCT);
  }
}
