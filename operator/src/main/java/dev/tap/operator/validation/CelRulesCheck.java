package dev.tap.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.HashMap;
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
 */
final class CelRulesCheck {

  private static final Pattern READS_OLD_SELF = Pattern.compile("\\boldSelf\\b");

  private final JsonNode schema;
  private final CelCompiler compiler = CelCompilerFactory.standardCelCompilerBuilder()
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addVar("self", SimpleType.DYN)
      .addVar("oldSelf", SimpleType.DYN)
      .build();
  private final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();
  private final Map<String, CelRuntime.Program> programs = new HashMap<>();

  CelRulesCheck(JsonNode openApiSchema) {
    this.schema = openApiSchema;
    compileAll(openApiSchema);
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
      Object result = programs.get(expression).eval(variables);
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

  private void compileAll(JsonNode node) {
    if (!node.isObject()) {
      return;
    }
    for (JsonNode rule : node.path("x-kubernetes-validations")) {
      String expression = rule.path("rule").asText();
      programs.computeIfAbsent(expression, this::compile);
    }
    node.path("properties").forEach(this::compileAll);
    compileAll(node.path("items"));
    compileAll(node.path("additionalProperties"));
  }

  private CelRuntime.Program compile(String expression) {
    try {
      CelAbstractSyntaxTree ast = compiler.compile(expression).getAst();
      return runtime.createProgram(ast);
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalStateException("CRD rule does not compile: " + expression, e);
    }
  }
}
