package dev.tap.operator.sandbox.lambda;

import java.nio.file.Path;
import java.util.Map;

/**
 * What an execution environment needs of a function version's configuration: its code, handler, memory
 * and variables.
 */
public record FunctionConfig(String name, String version, Path codeJar, String handler, int memoryMb, String region,
    Map<String, String> variables) {

  public FunctionConfig {
    variables = Map.copyOf(variables);
  }

  String arn() {
    return "arn:aws:lambda:" + region + ":000000000000:function:" + name;
  }
}
