package dev.tap.operator.validation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The documents of one YAML stream (separated by {@code ---}); empty documents are skipped. */
public final class ManifestDocuments {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ManifestDocuments() {}

  /** A document's position in its file (1-based) and its content. */
  public record Document(int index, JsonNode content) {}

  /** Thrown for text that is not YAML, with the line and column where parsing stopped. */
  public static final class MalformedYamlException extends Exception {
    public MalformedYamlException(String message) {
      super(message);
    }
  }

  public static List<Document> parse(String yaml) throws MalformedYamlException {
    List<Document> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      int index = 0;
      while (it.hasNextValue()) {
        index++;
        JsonNode document = it.nextValue();
        if (document != null && !document.isNull() && !document.isMissingNode()) {
          documents.add(new Document(index, document));
        }
      }
    } catch (JsonProcessingException e) {
      throw new MalformedYamlException(describe(e));
    } catch (IOException e) {
      throw new MalformedYamlException("unreadable YAML: " + e.getMessage());
    } catch (RuntimeException e) {
      // MappingIterator wraps parse errors met while advancing in a RuntimeException.
      if (e.getCause() instanceof JsonProcessingException cause) {
        throw new MalformedYamlException(describe(cause));
      }
      throw e;
    }
    return documents;
  }

  private static String describe(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    String problem = e.getOriginalMessage().lines().findFirst().orElse("").trim();
    return "malformed YAML" + where + ": " + problem;
  }
}
