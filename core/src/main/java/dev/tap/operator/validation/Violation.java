package dev.tap.operator.validation;

/** One reason a resource is invalid: the field path (such as {@code spec.table.readCapacity}) and why. */
public record Violation(String path, String message) implements Comparable<Violation> {

  @Override
  public int compareTo(Violation other) {
    int byPath = path.compareTo(other.path);
    return byPath != 0 ? byPath : message.compareTo(other.message);
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
