package dev.tap.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The ServerlessApi CRD as the build generated it, read from the classpath: the same document that
 * is committed under {@code crds/} and installed in clusters, so offline checks and the API server
 * judge a resource by one schema.
 */
public final class CrdSchema {

  /** The CRD's name, as the API server knows it. */
  public static final String NAME = "serverlessapis.serverless.tap.dev";
  public static final String RESOURCE = "/META-INF/fabric8/" + NAME + "-v1.yml";

  private final JsonNode crd;

  private CrdSchema(JsonNode crd) {
    this.crd = crd;
  }

  public static CrdSchema load() {
    try (InputStream in = CrdSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("CRD " + RESOURCE + " is not on the classpath; build the operator module");
      }
      return new CrdSchema(new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  public JsonNode crd() {
    return crd;
  }

  /** The {@code openAPIV3Schema} of the one served version. */
  public JsonNode openApiSchema() {
    return crd.path("spec").path("versions").path(0).path("schema").path("openAPIV3Schema");
  }
}
