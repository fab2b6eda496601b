package dev.tap.operator.table;

/** A key attribute as DynamoDB defines it: name and scalar type (S, N or B). */
public record KeyAttributeDef(String name, String type) {

  /** As messages show it: {@code id (S)}. */
  @Override
  public String toString() {
    return name + " (" + type + ")";
  }
}
