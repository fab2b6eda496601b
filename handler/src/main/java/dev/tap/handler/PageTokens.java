package dev.tap.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque, tamper-evident page tokens: the last evaluated key and the listing it belongs to, signed
 * with HMAC-SHA256. A token that was altered, forged, cut or reused for another listing is a 400,
 * and only keys of the expected shape ever reach DynamoDB.
 */
final class PageTokens {

  private static final int MAX_TOKEN_LENGTH = 4096;
  private static final int MAX_KEY_VALUE_LENGTH = 1024;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  PageTokens(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** {@code scope} names the listing, such as {@code all} or {@code day:2025-01-31}. */
  String encode(String scope, Map<String, AttributeValue> lastKey) {
    ObjectNode payload = Json.NODES.objectNode().put("s", scope);
    ObjectNode keyNode = payload.putObject("k");
    lastKey.forEach((name, value) -> keyNode.put(name, value.s()));
    byte[] bytes = Json.write(payload).getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
  }

  Map<String, AttributeValue> decode(String token, String scope, Set<String> keyNames) {
    try {
      if (token.length() > MAX_TOKEN_LENGTH) {
        throw invalid();
      }
      int dot = token.indexOf('.');
      if (dot <= 0) {
        throw invalid();
      }
      byte[] payload = DECODER.decode(token.substring(0, dot));
      byte[] signature = DECODER.decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(signature, sign(payload))) {
        throw invalid();
      }
      JsonNode node = Json.parse(payload);
      if (node == null) {
        throw invalid();
      }
      if (!scope.equals(node.path("s").asText(null))) {
        throw ApiError.badRequest("nextToken belongs to another listing");
      }
      return keyOf(node.path("k"), keyNames);
    } catch (IllegalArgumentException | IOException e) {
      throw invalid();
    }
  }

  private static Map<String, AttributeValue> keyOf(JsonNode keyNode, Set<String> keyNames) {
    if (!keyNode.isObject() || keyNode.size() != keyNames.size()) {
      throw invalid();
    }
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = keyNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String value = entry.getValue().textValue();
      if (!keyNames.contains(entry.getKey()) || value == null || value.isEmpty() || value.length() > MAX_KEY_VALUE_LENGTH) {
        throw invalid();
      }
      key.put(entry.getKey(), AttributeValue.fromS(value));
    }
    return key;
  }

  private byte[] sign(byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static ApiError invalid() {
    return ApiError.badRequest("nextToken is invalid: pass the token of the previous page unchanged");
  }
}
