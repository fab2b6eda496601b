package dev.tap.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tap.operator.Samples;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {

  @TempDir
  Path dir;

  private final StringWriter output = new StringWriter();

  private int validate(Path... files) {
    return execute(Stream.concat(Stream.of("validate"), Stream.of(files).map(Path::toString)).toArray(String[]::new));
  }

  private int validateUpdate(Path old, Path file) {
    return execute("validate", "--old", old.toString(), file.toString());
  }

  private int execute(String... args) {
    CommandLine cli = OperatorCommand.commandLine();
    cli.setOut(new PrintWriter(output));
    cli.setErr(new PrintWriter(output));
    return cli.execute(args);
  }

  private List<String> lines() {
    return output.toString().lines().toList();
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void every_sample_prints_ok_and_exits_zero() {
    Path[] samples = Samples.NAMES.stream().map(Samples.DIRECTORY::resolve).toArray(Path[]::new);

    assertThat(validate(samples)).isZero();
    assertThat(lines()).containsExactly(Stream.of(samples).map(p -> p + ": OK").toArray(String[]::new));
  }

  @Test
  void an_invalid_resource_prints_one_line_per_problem_with_its_field() throws IOException {
    Path bad = file("bad.yaml", Samples.toYaml(Samples.with(
        Samples.with(Samples.load("prod.yaml"), "spec.table.writeCapacity", "0"), "spec.environment", "Prod")));

    assertThat(validate(bad)).isEqualTo(ValidateCommand.INVALID);
    assertThat(lines()).contains(
        bad + ": spec.environment: does not match the regex pattern ^[a-z][a-z0-9-]{0,19}$",
        bad + ": spec.table.writeCapacity: must have a minimum value of 1.0");
    assertThat(lines()).allMatch(line -> line.startsWith(bad + ": spec."));
  }

  @Test
  void a_multi_document_file_with_one_bad_document_fails_and_names_the_document() throws IOException {
    String good = Samples.toYaml(Samples.load("dev.yaml"));
    String bad = Samples.toYaml(Samples.with(Samples.load("dev.yaml"), "spec.table.readCapacity", "0"));
    Path file = file("all.yaml", good + bad);

    assertThat(validate(file)).isEqualTo(ValidateCommand.INVALID);
    assertThat(lines()).containsExactly(file + "#2: spec.table.readCapacity: must have a minimum value of 1.0");
  }

  @Test
  void a_document_of_another_kind_is_rejected() throws IOException {
    Path file = file("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");

    assertThat(validate(file)).isEqualTo(ValidateCommand.INVALID);
    assertThat(lines()).singleElement().asString()
        .startsWith(file + ": not a ServerlessApi: kind 'ConfigMap', apiVersion 'v1'");
  }

  @Test
  void malformed_yaml_is_reported_with_its_position_and_no_stack_trace() throws IOException {
    Path file = file("broken.yaml", "spec:\n  table: [\n  environment: prod\n  a: b: c\n");

    assertThat(validate(file)).isEqualTo(ValidateCommand.INVALID);
    assertThat(lines()).singleElement().asString().startsWith(file + ": malformed YAML at line ");
    assertThat(output.toString()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void a_scalar_document_a_missing_file_and_an_empty_file_are_each_explained() throws IOException {
    Path scalar = file("scalar.yaml", "just text\n");
    Path empty = file("empty.yaml", "---\n");
    Path missing = dir.resolve("missing.yaml");

    assertThat(validate(scalar, empty, missing)).isEqualTo(ValidateCommand.INVALID);
    assertThat(lines()).containsExactly(
        scalar + ": not a Kubernetes object but a YAML string",
        empty + ": no ServerlessApi in the file (it is empty)",
        missing + ": no such file");
  }

  @Test
  void anchors_and_aliases_that_kubectl_accepts_are_accepted() throws IOException {
    String prod = Files.readString(Samples.DIRECTORY.resolve("prod.yaml"));
    String anchored = prod.replaceFirst("(?m)^(\\s+)read: \\{", "$1read: &scaling {")
        .replaceFirst("(?m)^(\\s+)write: \\{[^}]*}", "$1write: *scaling");
    assertThat(anchored).contains("&scaling", "*scaling");

    assertThat(validate(file("anchored.yaml", anchored))).isZero();
    assertThat(lines()).singleElement().asString().endsWith(": OK");
  }

  @Test
  void a_duplicate_key_is_an_error_with_its_line_as_in_kubectls_strict_decoding() throws IOException {
    String prod = Files.readString(Samples.DIRECTORY.resolve("prod.yaml"));
    Path twice = file("twice.yaml", prod.replaceFirst("(?m)^(\\s+)environment: prod$", "$1environment: prod\n$1environment: dev"));

    assertThat(validate(twice)).isEqualTo(ValidateCommand.INVALID);
    assertThat(lines()).singleElement().asString().startsWith(twice + ": malformed YAML at line ")
        .contains("duplicate key environment");
  }

  @Test
  void names_the_api_server_refuses_are_errors() throws IOException {
    Path named = file("named.yaml", Samples.toYaml(Samples.with(Samples.with(Samples.load("dev.yaml"),
        "metadata.name", "Tap_API"), "metadata.namespace", "Dev_NS")));

    assertThat(validate(named)).isEqualTo(ValidateCommand.INVALID);
    assertThat(lines()).anySatisfy(line -> assertThat(line).startsWith(named + ": metadata.name: Invalid value: \"Tap_API\""))
        .anySatisfy(line -> assertThat(line).startsWith(named + ": metadata.namespace: Invalid value: \"Dev_NS\""));
  }

  @Test
  void a_file_of_nested_aliases_is_refused_without_expanding_it() throws IOException {
    StringBuilder laughs = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      laughs.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        laughs.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
      }
      laughs.append("]\n");
    }
    Path bomb = file("bomb.yaml", laughs.toString());

    assertThat(validate(bomb)).isEqualTo(ValidateCommand.INVALID);
    assertThat(lines()).singleElement().asString().startsWith(bomb + ": malformed YAML");
  }

  @Test
  void with_old_a_change_is_checked_as_admission_checks_it_transition_rules_included() throws IOException {
    ObjectNode prod = Samples.load("prod.yaml");
    Path old = file("old.yaml", Samples.toYaml(prod));
    Path withoutRegion = file("without-region.yaml", Samples.toYaml(Samples.with(prod, "spec.region", null)));
    Path elsewhere = file("elsewhere.yaml", Samples.toYaml(Samples.with(prod, "spec.region", "eu-west-1")));
    Path moreCapacity = file("more.yaml", Samples.toYaml(Samples.with(prod, "spec.table.autoScaling.read.maxCapacity", "500")));

    assertThat(validateUpdate(old, withoutRegion)).isEqualTo(ValidateCommand.INVALID);
    assertThat(validateUpdate(withoutRegion, elsewhere)).isEqualTo(ValidateCommand.INVALID);
    assertThat(validateUpdate(old, moreCapacity)).isZero();
    assertThat(validate(withoutRegion)).isZero();
    assertThat(lines()).containsExactly(
        withoutRegion + ": spec.region: region is immutable: it cannot be changed, added or removed after creation,"
            + " since every AWS resource of this one lives in the region it was created in",
        elsewhere + ": spec.region: region is immutable: it cannot be changed, added or removed after creation,"
            + " since every AWS resource of this one lives in the region it was created in",
        moreCapacity + ": OK",
        withoutRegion + ": OK");
  }

  @Test
  void with_old_an_unusable_old_file_or_another_resource_is_explained() throws IOException {
    ObjectNode prod = Samples.load("prod.yaml");
    Path current = file("current.yaml", Samples.toYaml(prod));
    Path other = file("other.yaml", Samples.toYaml(Samples.with(prod, "metadata.name", "other")));
    Path notYaml = file("not.yaml", "spec: [\n");
    Path configMap = file("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
    Path missing = dir.resolve("missing.yaml");

    assertThat(validateUpdate(missing, current)).isEqualTo(ValidateCommand.INVALID);
    assertThat(validateUpdate(notYaml, current)).isEqualTo(ValidateCommand.INVALID);
    assertThat(validateUpdate(configMap, current)).isEqualTo(ValidateCommand.INVALID);
    assertThat(validateUpdate(other, current)).isEqualTo(ValidateCommand.INVALID);
    assertThat(lines()).hasSize(4);
    assertThat(lines().get(0)).isEqualTo(missing + ": no such file");
    assertThat(lines().get(1)).startsWith(notYaml + ": malformed YAML at line ");
    assertThat(lines().get(2)).startsWith(configMap + ": not a ServerlessApi: kind 'ConfigMap'");
    assertThat(lines().get(3)).isEqualTo(current + ": " + other
        + " holds no single ServerlessApi 'default/tap' to check this update against (it holds [default/other])");
    assertThat(output.toString()).doesNotContain("Exception");
  }
}
