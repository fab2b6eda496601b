package dev.tap.operator.rollout;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rollback kept in AWS, in the alias's description, so that an operator in a new cluster (with no
 * status) does not try the rolled-back version again.
 */
final class RollbackRecord {

  private static final Pattern FORMAT = Pattern.compile("^rolled back version (\\d+)\\b.*");

  private RollbackRecord() {}

  static String describe(String version, String cause) {
    String text = "rolled back version " + version + " after " + RolloutPlanner.cause(cause);
    // Lambda takes at most 256 characters of description.
    return text.length() > 256 ? text.substring(0, 256) : text;
  }

  /** The rolled-back version a description names, or null. */
  static String version(String description) {
    if (description == null) {
      return null;
    }
    Matcher matcher = FORMAT.matcher(description);
    return matcher.matches() ? matcher.group(1) : null;
  }
}
