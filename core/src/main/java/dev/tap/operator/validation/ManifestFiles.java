package dev.tap.operator.validation;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads a manifest file into its documents, or says in one line why it cannot. */
public final class ManifestFiles {

  /** Larger than any manifest; a hostile or mistaken path (a disk image, /dev/zero) is refused unread. */
  static final long MAX_BYTES = 3L * 1024 * 1024;

  private ManifestFiles() {}

  /** The documents of a file, or the reason there are none (a problem reported as "FILE: reason"). */
  public record Read(List<ManifestDocuments.Document> documents, String problem) {
    public boolean ok() {
      return problem == null;
    }
  }

  public static Read read(Path file) {
    try {
      if (Files.isDirectory(file)) {
        return problem("is a directory; name the YAML files in it");
      }
      if (!Files.isRegularFile(file)) {
        return Files.exists(file) ? problem("is not a regular file") : problem("no such file");
      }
      if (Files.size(file) > MAX_BYTES) {
        return problem("larger than " + MAX_BYTES / (1024 * 1024) + " MiB; not a manifest");
      }
      List<ManifestDocuments.Document> documents = ManifestDocuments.parse(Files.readString(file, StandardCharsets.UTF_8));
      return documents.isEmpty() ? problem("no ServerlessApi in the file (it is empty)") : new Read(documents, null);
    } catch (NoSuchFileException e) {
      return problem("no such file");
    } catch (AccessDeniedException e) {
      return problem("permission denied");
    } catch (MalformedInputException e) {
      return problem("not UTF-8 text");
    } catch (IOException e) {
      return problem("cannot read the file: " + e.getMessage());
    } catch (ManifestDocuments.MalformedYamlException e) {
      return problem(e.getMessage());
    }
  }

  private static Read problem(String problem) {
    return new Read(List.of(), problem);
  }
}
