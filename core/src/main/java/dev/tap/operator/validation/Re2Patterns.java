package dev.tap.operator.validation;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * A schema's {@code pattern}s compiled to mean what they mean to the API server, which uses Go's
 * RE2: there {@code $} (without the {@code m} flag) matches at the end of the input only, where Java's
 * also matches before a final line break, so {@code "dev\n"} would pass {@code ^[a-z]+$} here and be
 * refused by the cluster. {@code $} outside character classes becomes {@code \z}, and
 * {@link Pattern#UNIX_LINES} makes {@code \n} the only line break, as in RE2. Like RE2's
 * MatchString, a pattern matches anywhere in the value unless anchored.
 */
final class Re2Patterns implements RegularExpressionFactory {

  static final Re2Patterns FACTORY = new Re2Patterns();

  private Re2Patterns() {}

  @Override
  public RegularExpression getRegularExpression(String re2) {
    Pattern pattern = compile(re2);
    return value -> pattern.matcher(value).find();
  }

  static Pattern compile(String re2) {
    return Pattern.compile(toJava(re2), Pattern.UNIX_LINES);
  }

  /** The pattern with each end-of-line {@code $} made end-of-input, unless the m flag makes it end-of-line in RE2 too. */
  static String toJava(String re2) {
    if (re2.matches("(?s).*\\(\\?[a-zA-Z]*m.*")) {
      return re2;
    }
    StringBuilder java = new StringBuilder(re2.length() + 4);
    boolean inClass = false;
    for (int i = 0; i < re2.length(); i++) {
      char c = re2.charAt(i);
      if (c == '\\' && i + 1 < re2.length()) {
        java.append(c).append(re2.charAt(++i));
      } else if (inClass) {
        inClass = c != ']';
        java.append(c);
      } else if (c == '[') {
        inClass = true;
        java.append(c);
        // A ']' right after '[' or '[^' is a literal in RE2, not the end of the class.
        if (i + 1 < re2.length() && re2.charAt(i + 1) == '^') {
          java.append(re2.charAt(++i));
        }
        if (i + 1 < re2.length() && re2.charAt(i + 1) == ']') {
          java.append("\\]");
          i++;
        }
      } else if (c == '$') {
        java.append("\\z");
      } else {
        java.append(c);
      }
    }
    return java.toString();
  }
}
