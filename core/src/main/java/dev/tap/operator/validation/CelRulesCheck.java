package dev.tap.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Evaluates every {@code x-kubernetes-validations} rule of the CRD the way the API server does:
 * {@code self} is the value at the rule's node, a rule is skipped where its field is absent, and a
 * transition rule (one that reads {@code oldSelf}) runs only on update, where the old object has
 * the same field. Items of a list are not correlated with the old list (the lists are atomic).
 * Each rule is type-checked with the schema's types at its node ({@link SchemaCelTypes}), so a rule
 * the API server would refuse at install is refused here too, naming every such rule at once.
 */
final class CelRulesCheck {

  private static final Pattern READS_OLD_SELF = Pattern.compile("\\boldSelf\\b");
  /** The API server's CEL environment compares int, uint and double with one another. */
  private static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();

  private final JsonNode schema;
  private final SchemaCelTypes types;
  private final CelCompiler compiler;
  private final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();
  /** By rule node: one expression has another type at each node it sits on. */
  private final Map<JsonNode, CelRuntime.Program> programs = new IdentityHashMap<>();

  CelRulesCheck(JsonNode openApiSchema) {
    this.schema = openApiSchema;
    this.types = new SchemaCelTypes(openApiSchema);
    this.compiler = CelCompilerFactory.standardCelCompilerBuilder()
        .setOptions(OPTIONS)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .setTypeProvider(types)
        .build();
    List<String> errors = new ArrayList<>();
    compileAll(openApiSchema, "", errors);
    if (!errors.isEmpty()) {
      throw new IllegalStateException("CRD rules do not compile, the API server would refuse the CRD:\n"
          + String.join("\n", errors));
    }
  }

  /** Checks a new resource ({@code old} null) or an update from {@code old} to {@code resource}. */
  List<Violation> check(JsonNode resource, JsonNode old) {
    List<Violation> violations = new ArrayList<>();
    walk(schema, resource, old, "", violations);
    return violations;
  }

  private void walk(JsonNode node, JsonNode value, JsonNode old, String path, List<Violation> out) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return;
    }
    for (JsonNode rule : node.path("x-kubernetes-validations")) {
      evaluate(rule, node, value, old, path, out);
    }
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> property = it.next();
        String name = property.getKey();
        walk(property.getValue(), value.get(name), old == null ? null : old.get(name),
            JsonPaths.child(path, name), out);
      }
      JsonNode valueSchema = node.path("additionalProperties");
      if (valueSchema.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> entry = it.next();
          walk(valueSchema, entry.getValue(), old == null ? null : old.get(entry.getKey()),
              JsonPaths.child(path, entry.getKey()), out);
        }
      }
    } else if (value.isArray() && node.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        walk(node.get("items"), value.get(i), null, JsonPaths.element(path, i), out);
      }
    }
  }

  private void evaluate(JsonNode rule, JsonNode node, JsonNode value, JsonNode old, String path,
      List<Violation> out) {
    String expression = rule.path("rule").asText();
    boolean transition = READS_OLD_SELF.matcher(expression).find();
    if (transition && (old == null || old.isNull())) {
      return;
    }
    String where = path + rule.path("fieldPath").asText("");
    Map<String, Object> variables = new HashMap<>();
    variables.put("self", toCel(value, node));
    if (transition) {
      variables.put("oldSelf", toCel(old, node));
    }
    try {
      Object result = programs.get(rule).eval(variables);
      if (!Boolean.TRUE.equals(result)) {
        out.add(new Violation(where, rule.path("message").asText("failed rule: " + expression)));
      }
    } catch (CelEvaluationException e) {
      out.add(new Violation(where, "rule could not be evaluated (" + e.getMessage() + "): " + expression));
    }
  }

  /** JSON as CEL sees it: integers as int, every {@code type: number} as double, nulls dropped. */
  static Object toCel(JsonNode value, JsonNode node) {
    if (value.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (!entry.getValue().isNull()) {
          JsonNode child = node.path("properties").has(entry.getKey())
              ? node.path("properties").path(entry.getKey())
              : node.path("additionalProperties");
          map.put(entry.getKey(), toCel(entry.getValue(), child));
        }
      }
      return map;
    }
    if (value.isArray()) {
      List<Object> list = new ArrayList<>();
      value.forEach(element -> list.add(toCel(element, node.path("items"))));
      return list;
    }
    if (value.isNumber()) {
      boolean number = "number".equals(node.path("type").asText()) || !value.canConvertToExactIntegral();
      return number ? (Object) value.doubleValue() : (Object) value.longValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    return value.asText();
  }

  private void compileAll(JsonNode node, String path, List<String> errors) {
    if (!node.isObject()) {
      return;
    }
    CelType self = types.of(node);
    for (JsonNode rule : node.path("x-kubernetes-validations")) {
      compile(rule, self, path, errors);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      compileAll(property.getValue(), JsonPaths.child(path, property.getKey()), errors);
    }
    compileAll(node.path("items"), path + "[*]", errors);
    compileAll(node.path("additionalProperties"), JsonPaths.child(path, "*"), errors);
  }

  private void compile(JsonNode rule, CelType self, String path, List<String> errors) {
    CelCompiler typed = compiler.toCompilerBuilder().addVar("self", self).addVar("oldSelf", self).build();
    CelValidationResult result = typed.compile(rule.path("rule").asText());
    try {
      programs.put(rule, runtime.createProgram(result.getAst()));
    } catch (CelValidationException | CelEvaluationException e) {
      errors.add((path.isEmpty() ? "<root>" : path) + ": " + e.getMessage());
    }
  }
}
