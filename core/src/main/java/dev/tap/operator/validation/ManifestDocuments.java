package dev.tap.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The documents of one YAML stream (separated by {@code ---}), read as kubectl reads them: anchors
 * and aliases resolved, a duplicate key refused (kubectl's strict decoding), dates kept as strings;
 * empty documents are skipped. Alias expansion is bounded, so a hostile file cannot exhaust memory.
 */
public final class ManifestDocuments {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** SnakeYAML's default: a billion-laughs file is refused long before it expands. */
  private static final int MAX_ALIASES = 50;

  private ManifestDocuments() {}

  /** A document's position in its file (1-based) and its content. */
  public record Document(int index, JsonNode content) {}

  /** Thrown for text that is not YAML, with the line and column where parsing stopped. */
  public static final class MalformedYamlException extends Exception {
    public MalformedYamlException(String message) {
      super(message);
    }
  }

  /** YAML 1.1 scalars as go-yaml resolves them for kubectl, except timestamps: Kubernetes keeps those as strings. */
  private static final class KubernetesResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
      addImplicitResolver(Tag.INT, INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.MERGE, MERGE, "<");
      addImplicitResolver(Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(Tag.NULL, EMPTY, null);
    }
  }

  public static List<Document> parse(String yaml) throws MalformedYamlException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    DumperOptions dumper = new DumperOptions();
    Yaml parser = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new KubernetesResolver());
    List<Document> documents = new ArrayList<>();
    try {
      int index = 0;
      for (Object document : parser.loadAll(yaml)) {
        index++;
        if (document != null) {
          documents.add(new Document(index, JSON.valueToTree(document)));
        }
      }
    } catch (MarkedYAMLException e) {
      throw new MalformedYamlException(describe(e));
    } catch (YAMLException | IllegalArgumentException e) {
      throw new MalformedYamlException("malformed YAML: " + e.getMessage().lines().findFirst().orElse("").trim());
    }
    return documents;
  }

  private static String describe(MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    String problem = e.getProblem() == null ? e.getContext() : e.getProblem();
    return "malformed YAML" + where + ": " + problem;
  }
}
