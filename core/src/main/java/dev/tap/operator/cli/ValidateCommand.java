package dev.tap.operator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.validation.ManifestFiles;
import dev.tap.operator.validation.ManifestDocuments.Document;
import dev.tap.operator.validation.PreviousVersions;
import dev.tap.operator.validation.ServerlessApiValidator;
import dev.tap.operator.validation.Violation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Offline check of ServerlessApi manifests with the CRD schema, its CEL rules and the operator's own
 * checks: what a CI pipeline runs before Argo CD syncs. With {@code --old}, each manifest is checked
 * as an update of its version in that file, so transition rules (what cannot change) run as they do
 * at admission; without it, as a create, where they do not.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Validates ServerlessApi YAML files offline.",
        "Prints 'FILE: OK' or one line per problem with its field path; exits 0 only when all are valid."})
public final class ValidateCommand implements Callable<Integer> {

  static final int INVALID = 1;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "ServerlessApi YAML files (multi-document allowed).")
  List<Path> files;

  @Option(names = "--old", paramLabel = "OLD", description = {"The resources as they stand (kubectl get sapi NAME"
      + " -o yaml, or the manifests of the last sync): each ServerlessApi in FILE is checked as an update of the one"
      + " with its name in OLD, transition rules included, as the API server checks a change."})
  Path old;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ServerlessApiValidator validator = ServerlessApiValidator.fromGeneratedCrd();
    PreviousVersions previous = null;
    if (old != null) {
      List<String> problems = new ArrayList<>();
      previous = previousVersions(problems);
      if (!problems.isEmpty()) {
        problems.forEach(problem -> out.println(old + problem));
        out.flush();
        return INVALID;
      }
    }
    boolean allValid = true;
    for (Path file : files) {
      List<String> problems = problemsOf(file, validator, previous);
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

  /** The ServerlessApis of {@link #old}; what makes it unusable goes to {@code problems} instead. */
  private PreviousVersions previousVersions(List<String> problems) {
    ManifestFiles.Read read = ManifestFiles.read(old);
    if (!read.ok()) {
      problems.add(": " + read.problem());
      return new PreviousVersions(List.of());
    }
    List<JsonNode> resources = new ArrayList<>();
    for (Document document : read.documents()) {
      String kindProblem = kindProblem(document.content());
      if (kindProblem != null) {
        problems.add(where(read.documents(), document) + kindProblem);
      } else {
        resources.add(document.content());
      }
    }
    return new PreviousVersions(resources);
  }

  /** Each problem starts with the document it is in (for multi-document files) and ": ". */
  private List<String> problemsOf(Path file, ServerlessApiValidator validator, PreviousVersions previous) {
    ManifestFiles.Read read = ManifestFiles.read(file);
    if (!read.ok()) {
      return List.of(": " + read.problem());
    }
    List<Document> documents = read.documents();
    List<String> problems = new ArrayList<>();
    for (Document document : documents) {
      String where = where(documents, document);
      JsonNode content = document.content();
      String kindProblem = kindProblem(content);
      if (kindProblem != null) {
        problems.add(where + kindProblem);
        continue;
      }
      Optional<JsonNode> before = previous == null ? Optional.empty() : previous.of(content);
      if (previous != null && before.isEmpty()) {
        problems.add(where + old + " holds no single ServerlessApi '" + PreviousVersions.identity(content)
            + "' to check this update against (it holds " + previous.identities() + ")");
        continue;
      }
      for (Violation violation : validator.validate(content, before.orElse(null))) {
        problems.add(where + violation);
      }
    }
    return problems;
  }

  private static String where(List<Document> documents, Document document) {
    return documents.size() > 1 || document.index() > 1 ? "#" + document.index() + ": " : ": ";
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
