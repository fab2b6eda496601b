package dev.tap.handler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * JSON bodies to DynamoDB attributes and back, faithfully: numbers keep every digit (they travel
 * as DynamoDB's decimal strings, never as doubles), nested objects and arrays become maps and lists.
 * Values DynamoDB would refuse are rejected here as a 400 naming the field.
 */
final class ItemJson {

  /** DynamoDB: at most 38 significant digits, magnitude from 1E-130 to below 1E+126. */
  private static final int MAX_DIGITS = 38;
  private static final BigDecimal SMALLEST = new BigDecimal("1E-130");
  private static final BigDecimal TOO_LARGE = new BigDecimal("1E+126");
  /** DynamoDB nests documents at most 32 levels deep. */
  private static final int MAX_DEPTH = 32;

  private ItemJson() {}

  static ObjectNode parseObject(byte[] body) {
    JsonNode node;
    try {
      node = Json.parse(body);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw ApiError.badRequest("malformed JSON" + where);
    } catch (IOException e) {
      throw ApiError.badRequest("unreadable body");
    }
    if (node == null || !node.isObject()) {
      throw ApiError.badRequest("the body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  static Map<String, AttributeValue> toAttributes(ObjectNode object) {
    return toMap(object, "", 1);
  }

  static ObjectNode toJson(Map<String, AttributeValue> attributes) {
    ObjectNode object = Json.NODES.objectNode();
    attributes.forEach((name, value) -> object.set(name, toJson(value)));
    return object;
  }

  private static Map<String, AttributeValue> toMap(ObjectNode object, String path, int depth) {
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      if (field.getKey().isEmpty()) {
        throw ApiError.badRequest("field names must not be empty (in '" + (path.isEmpty() ? "body" : path) + "')");
      }
      map.put(field.getKey(), toAttribute(field.getValue(), fieldPath, depth));
    }
    return map;
  }

  private static AttributeValue toAttribute(JsonNode value, String path, int depth) {
    if (depth > MAX_DEPTH) {
      throw ApiError.badRequest("field '" + path + "' is nested deeper than " + MAX_DEPTH + " levels");
    }
    if (value.isObject()) {
      return AttributeValue.fromM(toMap((ObjectNode) value, path, depth + 1));
    }
    if (value.isArray()) {
      List<AttributeValue> list = new ArrayList<>(value.size());
      for (int i = 0; i < value.size(); i++) {
        list.add(toAttribute(value.get(i), path + "[" + i + "]", depth + 1));
      }
      return AttributeValue.fromL(list);
    }
    if (value.isNumber()) {
      return AttributeValue.fromN(checkedNumber(value.decimalValue(), path).toPlainString());
    }
    if (value.isBoolean()) {
      return AttributeValue.fromBool(value.booleanValue());
    }
    if (value.isNull()) {
      return AttributeValue.fromNul(true);
    }
    return AttributeValue.fromS(value.textValue());
  }

  private static BigDecimal checkedNumber(BigDecimal number, String path) {
    BigDecimal magnitude = number.abs();
    boolean inRange = number.signum() == 0 || (magnitude.compareTo(SMALLEST) >= 0 && magnitude.compareTo(TOO_LARGE) < 0);
    if (!inRange || number.stripTrailingZeros().precision() > MAX_DIGITS) {
      throw ApiError.badRequest("field '" + path + "' is a number DynamoDB cannot store exactly"
          + " (at most 38 digits, magnitude 1E-130 to 1E+126)");
    }
    return number;
  }

  private static JsonNode toJson(AttributeValue value) {
    JsonNodeFactory nodes = Json.NODES;
    return switch (value.type()) {
      case S -> nodes.textNode(value.s());
      case N -> nodes.numberNode(new BigDecimal(value.n()));
      case BOOL -> nodes.booleanNode(value.bool());
      case NUL -> nodes.nullNode();
      case M -> toJson(value.m());
      case L -> {
        ArrayNode array = nodes.arrayNode();
        value.l().forEach(element -> array.add(toJson(element)));
        yield array;
      }
      case SS -> {
        ArrayNode array = nodes.arrayNode();
        value.ss().forEach(array::add);
        yield array;
      }
      default -> nodes.textNode(String.valueOf(value));
    };
  }
}
