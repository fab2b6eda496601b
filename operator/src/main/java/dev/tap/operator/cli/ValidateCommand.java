package dev.tap.operator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.validation.ManifestFiles;
import dev.tap.operator.validation.ManifestDocuments.Document;
import dev.tap.operator.validation.ServerlessApiValidator;
import dev.tap.operator.validation.Violation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Offline check of ServerlessApi manifests with the CRD schema, its CEL rules and the operator's own
 * checks: what a CI pipeline runs before Argo CD syncs.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Validates ServerlessApi YAML files offline.",
        "Prints 'FILE: OK' or one line per problem with its field path; exits 0 only when all are valid."})
final class ValidateCommand implements Callable<Integer> {

  static final int INVALID = 1;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "ServerlessApi YAML files (multi-document allowed).")
  List<Path> files;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ServerlessApiValidator validator = ServerlessApiValidator.fromGeneratedCrd();
    boolean allValid = true;
    for (Path file : files) {
      List<String> problems = problemsOf(file, validator);
      if (problems.isEmpty()) {
        out.println(file + ": OK");
      } else {
        problems.forEach(problem -> out.println(file + problem));
        allValid = false;
      }
    }
    out.flush();
    return allValid ? 0 : INVALID;
  }

  /** Each problem starts with the document it is in (for multi-document files) and ": ". */
  private static List<String> problemsOf(Path file, ServerlessApiValidator validator) {
    ManifestFiles.Read read = ManifestFiles.read(file);
    if (!read.ok()) {
      return List.of(": " + read.problem());
    }
    List<Document> documents = read.documents();
    List<String> problems = new ArrayList<>();
    for (Document document : documents) {
      String where = documents.size() > 1 || document.index() > 1 ? "#" + document.index() + ": " : ": ";
      JsonNode content = document.content();
      String kindProblem = kindProblem(content);
      if (kindProblem != null) {
        problems.add(where + kindProblem);
        continue;
      }
      for (Violation violation : validator.validate(content, null)) {
        problems.add(where + violation);
      }
    }
    return problems;
  }

  private static String kindProblem(JsonNode content) {
    if (!content.isObject()) {
      return "not a Kubernetes object but a YAML " + content.getNodeType().name().toLowerCase();
    }
    String apiVersion = content.path("apiVersion").asText("");
    String kind = content.path("kind").asText("");
    if (!ServerlessApi.KIND.equals(kind) || !ServerlessApi.API_VERSION.equals(apiVersion)) {
      return "not a ServerlessApi: kind '" + kind + "', apiVersion '" + apiVersion + "' (expected kind '"
          + ServerlessApi.KIND + "', apiVersion '" + ServerlessApi.API_VERSION + "')";
    }
    return null;
  }
}
