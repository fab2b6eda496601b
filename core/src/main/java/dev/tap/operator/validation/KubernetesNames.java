package dev.tap.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What the API server requires of an object's name (an RFC 1123 subdomain) and its namespace (an RFC 1123 label). */
final class KubernetesNames {

  private static final Pattern DNS_SUBDOMAIN = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
  private static final int MAX_SUBDOMAIN = 253;
  private static final int MAX_LABEL = 63;

  private KubernetesNames() {}

  static boolean isValidName(String name) {
    return name != null && !name.isBlank() && name.length() <= MAX_SUBDOMAIN && DNS_SUBDOMAIN.matcher(name).matches();
  }

  static List<Violation> check(JsonNode resource) {
    List<Violation> violations = new ArrayList<>();
    JsonNode name = resource.at("/metadata/name");
    JsonNode namespace = resource.at("/metadata/namespace");
    if (name.isMissingNode() || name.asText().isBlank()) {
      violations.add(new Violation("metadata.name", "required field is missing"));
    } else if (!isValidName(name.asText())) {
      violations.add(new Violation("metadata.name", "Invalid value: \"" + name.asText() + "\": a lowercase RFC 1123"
          + " subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an"
          + " alphanumeric character"));
    }
    if (namespace.isTextual() && (namespace.asText().length() > MAX_LABEL || !DNS_LABEL.matcher(namespace.asText()).matches())) {
      violations.add(new Violation("metadata.namespace", "Invalid value: \"" + namespace.asText() + "\": a lowercase"
          + " RFC 1123 label must consist of at most 63 lower case alphanumeric characters or '-', and must start and"
          + " end with an alphanumeric character"));
    }
    return violations;
  }
}
