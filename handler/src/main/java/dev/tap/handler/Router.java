package dev.tap.handler;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Method and path to a {@link Route}: {@code /items} and {@code /items/{id}}, nothing else. */
public final class Router {

  static final String COLLECTION_METHODS = "GET, POST, OPTIONS";
  static final String ITEM_METHODS = "GET, PUT, DELETE, OPTIONS";

  /** A route and, for item routes, the item id from the path. */
  public record Match(Route route, String id, String allow) {}

  public Match route(String method, String rawPath) {
    String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String verb = method == null ? "" : method.toUpperCase(Locale.ROOT);
    if (path.equals("/items")) {
      return switch (verb) {
        case "GET" -> new Match(Route.LIST_ITEMS, null, COLLECTION_METHODS);
        case "POST" -> new Match(Route.CREATE_ITEM, null, COLLECTION_METHODS);
        case "OPTIONS" -> new Match(Route.PREFLIGHT, null, COLLECTION_METHODS);
        default -> throw ApiError.methodNotAllowed(verb, COLLECTION_METHODS);
      };
    }
    if (path.startsWith("/items/") && path.indexOf('/', "/items/".length()) < 0) {
      String id = decode(path.substring("/items/".length()));
      return switch (verb) {
        case "GET" -> new Match(Route.GET_ITEM, id, ITEM_METHODS);
        case "PUT" -> new Match(Route.REPLACE_ITEM, id, ITEM_METHODS);
        case "DELETE" -> new Match(Route.DELETE_ITEM, id, ITEM_METHODS);
        case "OPTIONS" -> new Match(Route.PREFLIGHT, id, ITEM_METHODS);
        default -> throw ApiError.methodNotAllowed(verb, ITEM_METHODS);
      };
    }
    throw ApiError.notFound("no route for " + truncate(path));
  }

  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.notFound("no item " + truncate(segment));
    }
  }

  static String truncate(String text) {
    return text.length() <= 100 ? text : text.substring(0, 100) + "...";
  }
}
