package dev.tap.operator.validation;

import dev.tap.operator.api.v1alpha1.AckAnnotations;
import dev.tap.operator.api.v1alpha1.AlarmsSpec;
import dev.tap.operator.api.v1alpha1.FunctionEnvironment;
import dev.tap.operator.api.v1alpha1.FunctionSpec;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.api.v1alpha1.ServerlessApiSpec;
import dev.tap.operator.naming.AwsNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The operator's own checks, beyond what a CRD can say: limits that depend on derived AWS names,
 * ACK annotations, and value lists whose elements a CRD schema rule could not bound cheaply.
 */
final class ServerlessApiRules {

  private static final Pattern FUNCTION_NAME = Pattern.compile("^[a-zA-Z0-9_-]+$");
  private static final Pattern REGION = Pattern.compile(ServerlessApiSpec.REGION_PATTERN);
  private static final Pattern VARIABLE_NAME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_]*$");
  private static final Pattern SNS_TOPIC_ARN =
      Pattern.compile("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$");
  /** Lambda caps the environment at 4 KB, keys and values together. */
  private static final int MAX_ENVIRONMENT_BYTES = 4096;
  /** Set by Lambda itself, or by the operator for the handler. */
  private static final Set<String> RESERVED_VARIABLES = Set.of("AWS_DEFAULT_REGION", "AWS_REGION",
      "AWS_EXECUTION_ENV", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
      "AWS_SESSION_TOKEN", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR", "TABLE_NAME", "INDEX_NAME", "PAGE_TOKEN_KEY");

  List<Violation> check(ServerlessApi api) {
    List<Violation> violations = new ArrayList<>();
    checkNames(api, violations);
    checkAnnotations(api, violations);
    if (api.getSpec() != null) {
      Optional.ofNullable(api.getSpec().getFunction()).map(FunctionSpec::getEnvironment)
          .map(FunctionEnvironment::getVariables)
          .ifPresent(variables -> checkVariables(variables, violations));
      Optional.ofNullable(api.getSpec().getAlarms()).map(AlarmsSpec::getActions)
          .ifPresent(actions -> checkActions(actions, violations));
    }
    return violations;
  }

  private static void checkNames(ServerlessApi api, List<Violation> out) {
    String name = api.getMetadata() == null ? null : api.getMetadata().getName();
    if (!KubernetesNames.isValidName(name)) {
      return; // KubernetesNames reports it; the AWS names below derive from it
    }
    if (api.getSpec() == null || api.getSpec().getEnvironment() == null) {
      return;
    }
    AwsNames names = new AwsNames(name, api.getSpec().getEnvironment());
    if (!FUNCTION_NAME.matcher(names.function()).matches()) {
      out.add(new Violation("metadata.name", "must hold only letters, digits, '-' and '_': it names the Lambda function "
          + names.function()));
    } else if (names.function().length() > AwsNames.MAX_FUNCTION_NAME) {
      out.add(new Violation("metadata.name", "too long: the Lambda function name " + names.function() + " has "
          + names.function().length() + " characters, Lambda allows " + AwsNames.MAX_FUNCTION_NAME));
    }
    if (names.table().length() > AwsNames.MAX_TABLE_NAME) {
      out.add(new Violation("metadata.name", "too long: the table name has " + names.table().length()
          + " characters, DynamoDB allows " + AwsNames.MAX_TABLE_NAME));
    }
  }

  private static void checkAnnotations(ServerlessApi api, List<Violation> out) {
    Map<String, String> annotations = api.getMetadata() == null ? null : api.getMetadata().getAnnotations();
    if (annotations == null) {
      return;
    }
    String base = "metadata.annotations[";
    String region = annotations.get(AckAnnotations.REGION);
    if (region != null && !REGION.matcher(region).matches()) {
      out.add(new Violation(base + AckAnnotations.REGION + "]", "'" + region + "' is not an AWS region"));
    }
    String deletion = annotations.get(AckAnnotations.DELETION_POLICY);
    if (deletion != null && !AckAnnotations.DELETION_POLICIES.contains(deletion)) {
      out.add(new Violation(base + AckAnnotations.DELETION_POLICY + "]",
          "must be one of " + AckAnnotations.DELETION_POLICIES + ", not '" + deletion + "'"));
    }
    String adoption = annotations.get(AckAnnotations.ADOPTION_POLICY);
    if (adoption != null && !AckAnnotations.ADOPTION_POLICIES.contains(adoption)) {
      out.add(new Violation(base + AckAnnotations.ADOPTION_POLICY + "]",
          "must be one of " + AckAnnotations.ADOPTION_POLICIES + ", not '" + adoption + "'"));
    }
  }

  private static void checkVariables(Map<String, String> variables, List<Violation> out) {
    int bytes = 0;
    for (Map.Entry<String, String> variable : variables.entrySet()) {
      String key = variable.getKey();
      String path = "spec.function.environment.variables." + key;
      if (!VARIABLE_NAME.matcher(key).matches()) {
        out.add(new Violation(path, "a variable name starts with a letter and holds only letters, digits and '_'"));
      } else if (RESERVED_VARIABLES.contains(key) || key.startsWith("AWS_LAMBDA_")) {
        out.add(new Violation(path, "reserved: set by Lambda or by the operator"));
      }
      bytes += key.getBytes(StandardCharsets.UTF_8).length;
      bytes += variable.getValue() == null ? 0 : variable.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    if (bytes > MAX_ENVIRONMENT_BYTES) {
      out.add(new Violation("spec.function.environment.variables",
          "too large: " + bytes + " bytes, Lambda allows " + MAX_ENVIRONMENT_BYTES));
    }
  }

  private static void checkActions(List<String> actions, List<Violation> out) {
    for (int i = 0; i < actions.size(); i++) {
      String action = actions.get(i);
      if (action == null || !SNS_TOPIC_ARN.matcher(action).matches()) {
        out.add(new Violation("spec.alarms.actions[" + i + "]", "must be an SNS topic ARN, not '" + action + "'"));
      }
    }
  }
}
