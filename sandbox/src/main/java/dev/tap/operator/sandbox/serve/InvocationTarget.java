package dev.tap.operator.sandbox.serve;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The function a Lambda proxy integration invokes, read from its URI
 * ({@code arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/FUNCTION_ARN/invocations}). Pure.
 */
record InvocationTarget(String region, String function, String qualifier) {

  private static final Pattern URI = Pattern.compile(
      "arn:aws:apigateway:[a-z0-9-]+:lambda:path/2015-03-31/functions/arn:aws:lambda:([a-z0-9-]+):\\d{12}:function:"
          + "([a-zA-Z0-9_-]+)(?::([a-zA-Z0-9_$-]+))?/invocations");

  static Optional<InvocationTarget> of(String integrationUri) {
    Matcher matcher = URI.matcher(integrationUri);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String qualifier = matcher.group(3) == null ? "$LATEST" : matcher.group(3);
    return Optional.of(new InvocationTarget(matcher.group(1), matcher.group(2), qualifier));
  }
}
