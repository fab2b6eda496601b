package dev.tap.operator.sandbox.serve;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routes of a deployed REST API, matched as API Gateway matches them: a literal segment before a
 * {@code {param}}, a {@code {param+}} taking the rest of the path, a method or {@code ANY}. Pure.
 */
final class StageRoutes {

  static final String ANY = "X-AMAZON-APIGATEWAY-ANY-METHOD";

  /** A matched request: the resource it matched, its path parameters, and the integration's URI. */
  record Match(String resource, Map<String, String> pathParameters, String integrationUri) {}

  private final List<Map.Entry<String, Map<String, String>>> bySpecificity;

  /** {@code routes}: resource path, then method in upper case, to the integration's URI. */
  StageRoutes(Map<String, Map<String, String>> routes) {
    this.bySpecificity = routes.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, Map<String, String>> e) -> -literalSegments(e.getKey()))
            .thenComparing(Map.Entry::getKey))
        .toList();
  }

  Optional<Match> match(String method, String path) {
    String[] segments = segments(path);
    for (Map.Entry<String, Map<String, String>> route : bySpecificity) {
      Map<String, String> parameters = parameters(segments(route.getKey()), segments);
      if (parameters == null) {
        continue;
      }
      String uri = route.getValue().getOrDefault(method, route.getValue().get(ANY));
      if (uri != null) {
        return Optional.of(new Match(route.getKey(), parameters, uri));
      }
    }
    return Optional.empty();
  }

  /** The template's parameters bound to the path's segments, or null when the path does not fit. */
  private static Map<String, String> parameters(String[] template, String[] path) {
    Map<String, String> bound = new LinkedHashMap<>();
    for (int i = 0; i < template.length; i++) {
      String part = template[i];
      if (part.startsWith("{") && part.endsWith("+}")) {
        if (i >= path.length) {
          return null;
        }
        bound.put(part.substring(1, part.length() - 2), String.join("/", List.of(path).subList(i, path.length)));
        return bound;
      }
      if (i >= path.length) {
        return null;
      }
      if (part.startsWith("{") && part.endsWith("}")) {
        bound.put(part.substring(1, part.length() - 1), path[i]);
      } else if (!part.equals(path[i])) {
        return null;
      }
    }
    return template.length == path.length ? bound : null;
  }

  private static int literalSegments(String template) {
    int literal = 0;
    for (String part : segments(template)) {
      literal += part.startsWith("{") ? 0 : 1;
    }
    return literal;
  }

  private static String[] segments(String path) {
    String trimmed = path.replaceAll("^/+|/+$", "");
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
  }
}
