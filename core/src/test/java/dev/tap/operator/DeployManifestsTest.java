package dev.tap.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** deploy/ and its overlays render with kustomize (kubectl's) into what a cluster admin expects. */
class DeployManifestsTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @ParameterizedTest
  @ValueSource(strings = {"deploy", "deploy/overlays/dev", "deploy/overlays/prod"})
  void renders_a_hardened_operator_with_its_crd_rbac_and_probes(String directory) throws Exception {
    assumeTrue(kubectlInstalled(), "kubectl is not installed");
    Process kustomize = new ProcessBuilder("kubectl", "kustomize", "../" + directory).redirectErrorStream(true).start();
    String rendered = new String(kustomize.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(kustomize.waitFor()).as(rendered).isZero();

    List<JsonNode> objects;
    try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(rendered)) {
      objects = documents.readAll();
    }
    assertThat(objects).extracting(o -> o.path("kind").asText()).contains("CustomResourceDefinition", "Namespace",
        "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "Deployment");
    JsonNode deployment = find(objects, "Deployment").orElseThrow();
    assertThat(deployment.at("/metadata/namespace").asText()).isEqualTo("tap-system");
    JsonNode pod = deployment.at("/spec/template/spec");
    JsonNode container = pod.at("/containers/0");
    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
    assertThat(container.at("/resources/limits/memory").isMissingNode()).isFalse();
    assertThat(container.path("args").toString()).doesNotContain("--no-leader-election");
    if (directory.endsWith("prod")) {
      assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
      assertThat(find(objects, "PodDisruptionBudget")).isPresent();
      assertThat(find(objects, "ServiceAccount").orElseThrow().at("/metadata/annotations").toString())
          .contains("eks.amazonaws.com/role-arn");
    }
  }

  private static Optional<JsonNode> find(List<JsonNode> objects, String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).findFirst();
  }

  private static boolean kubectlInstalled() {
    try {
      return new ProcessBuilder("kubectl", "version", "--client").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
