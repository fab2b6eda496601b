package dev.tap.operator.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Judges a ServerlessApi by the rules the API server applies (the CRD's OpenAPI schema and its CEL
 * rules) and by the operator's own checks, so {@code validate}, the reconciler and the cluster agree.
 */
public final class ServerlessApiValidator {

  /** Lenient on what the schema check already reports, so the operator's checks still run. */
  private static final ObjectMapper LENIENT = Serialization.jsonMapper().copy()
      .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL, true)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final OpenApiSchemaCheck schemaCheck;
  private final CelRulesCheck celCheck;
  private final ServerlessApiRules operatorRules = new ServerlessApiRules();

  public ServerlessApiValidator(CrdSchema crd) {
    this.schemaCheck = new OpenApiSchemaCheck(crd.openApiSchema());
    this.celCheck = new CelRulesCheck(crd.openApiSchema());
  }

  public static ServerlessApiValidator fromGeneratedCrd() {
    return new ServerlessApiValidator(CrdSchema.load());
  }

  public List<Violation> validate(ServerlessApi api) {
    return validate(Serialization.jsonMapper().valueToTree(api), null);
  }

  /** Checks a resource as created ({@code old} null) or as an update of {@code old}: the API server's rules and the operator's. */
  public List<Violation> validate(JsonNode resource, JsonNode old) {
    TreeSet<Violation> violations = new TreeSet<>(asApiServer(resource, old));
    typed(resource).ifPresent(api -> violations.addAll(operatorRules.check(api)));
    return new ArrayList<>(violations);
  }

  /** What an API server with this CRD refuses: its names, the OpenAPI schema, the CEL rules (transition rules on update). */
  public List<Violation> asApiServer(JsonNode resource, JsonNode old) {
    TreeSet<Violation> violations = new TreeSet<>(KubernetesNames.check(resource));
    violations.addAll(schemaCheck.check(resource));
    violations.addAll(celCheck.check(resource, old));
    return new ArrayList<>(violations);
  }

  /** The typed view, when the document has one; schema violations already say why it has not. */
  private static Optional<ServerlessApi> typed(JsonNode resource) {
    try {
      return Optional.of(LENIENT.treeToValue(resource, ServerlessApi.class));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
