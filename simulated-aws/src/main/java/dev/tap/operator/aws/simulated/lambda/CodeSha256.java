package dev.tap.operator.aws.simulated.lambda;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** What Lambda reports as a function's CodeSha256: the SHA-256 of its code in base64 (here, of where the code comes from). */
final class CodeSha256 {

  private CodeSha256() {}

  static String of(String code) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
          .digest(code.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
