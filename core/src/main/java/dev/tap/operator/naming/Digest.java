package dev.tap.operator.naming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** A short, stable digest of a text, for names that must be unique and bounded in length. */
public final class Digest {

  private Digest() {}

  /** The first 8 bytes of the text's SHA-256, as 16 hex digits. */
  public static String shortSha256(String text) {
    return HexFormat.of().formatHex(sha256(text), 0, 8);
  }

  /** The text's SHA-256 in base64, as Lambda reports a CodeSha256. */
  public static String sha256Base64(String text) {
    return Base64.getEncoder().encodeToString(sha256(text));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
