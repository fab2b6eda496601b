package dev.tap.operator.validation;

/** Field paths as users write them: {@code spec.table.globalSecondaryIndexes[0].indexName}. */
final class JsonPaths {

  private JsonPaths() {}

  static String child(String parent, String field) {
    return parent.isEmpty() ? field : parent + "." + field;
  }

  static String element(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** Drops the {@code $} root of a validator's instance location. */
  static String fromJsonPointerLike(String location) {
    if (location.equals("$")) {
      return "";
    }
    return location.startsWith("$.") ? location.substring(2) : location;
  }
}
