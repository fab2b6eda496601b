package dev.tap.operator.sandbox.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * The jars of Lambda's Java runtime, the runtime interface client and what it needs, found where the
 * sandbox itself loaded them from.
 */
final class RuntimeClasspath {

  static final String ENTRY_POINT = AWSLambda.class.getName();

  private RuntimeClasspath() {}

  static String jars() {
    return Stream.of(AWSLambda.class, Context.class, PojoSerializer.class, SdkInternalThreadLocal.class)
        .map(RuntimeClasspath::jarOf).distinct().collect(Collectors.joining(File.pathSeparator));
  }

  private static String jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the jar of " + type.getName(), e);
    }
  }
}
