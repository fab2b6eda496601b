package dev.tap.handler;

import java.util.Map;

/** The function's settings, read once from the environment at init. */
public record HandlerConfig(String tableName, String indexName, String tokenKey) {

  public static final String DEFAULT_INDEX = "createdAt-index";

  public static HandlerConfig fromEnvironment(Map<String, String> env) {
    String table = env.get("TABLE_NAME");
    if (table == null || table.isBlank()) {
      throw new IllegalStateException("TABLE_NAME is not set: the function needs the name of its DynamoDB table");
    }
    String index = env.getOrDefault("INDEX_NAME", DEFAULT_INDEX);
    // Signs page tokens; without a configured key, tokens are still tamper-evident, only not secret.
    String tokenKey = env.getOrDefault("PAGE_TOKEN_KEY", "tap-page-token:" + table);
    return new HandlerConfig(table, index.isBlank() ? DEFAULT_INDEX : index, tokenKey);
  }
}
