package dev.tap.operator.sandbox.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * The jars of Lambda's Java runtime, the runtime interface client and what it needs, found where the
 * sandbox itself loaded them from.
 */
final class RuntimeClasspath {

  static final String ENTRY_POINT = AWSLambda.class.getName();
  /** Where the client loads its native library from when set; otherwise it copies it to one fixed path in /tmp. */
  static final String NATIVE_LIBRARY_PROPERTY =
      "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
  private static final String NATIVE_LIBRARY = "/jni/libaws-lambda-jni.linux-x86_64.so";
  private static Path nativeLibrary;

  private RuntimeClasspath() {}

  /**
   * The client's native library, copied out once for every environment of this sandbox: environments
   * starting together would otherwise overwrite the client's one copy in /tmp under each other.
   */
  static synchronized Path nativeLibrary() throws IOException {
    if (nativeLibrary == null) {
      Path copy = Files.createTempFile("tap-lambda-jni", ".so");
      copy.toFile().deleteOnExit();
      try (InputStream library = AWSLambda.class.getResourceAsStream(NATIVE_LIBRARY)) {
        if (library == null) {
          throw new IOException("the runtime interface client holds no " + NATIVE_LIBRARY);
        }
        Files.copy(library, copy, StandardCopyOption.REPLACE_EXISTING);
      }
      nativeLibrary = copy;
    }
    return nativeLibrary;
  }

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
