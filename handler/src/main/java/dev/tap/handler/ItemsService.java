package dev.tap.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items API's rules: server-managed fields (id, timestamps, version), validation of the
 * user's fields, optimistic concurrency through the version, and paging.
 */
final class ItemsService {

  static final Set<String> SERVER_FIELDS =
      Set.of(ItemsRepository.ID, ItemsRepository.CREATED_AT, ItemsRepository.CREATED_DATE, ItemsRepository.UPDATED_AT,
          ItemsRepository.VERSION);
  static final int MAX_NAME_LENGTH = 256;
  static final int DEFAULT_LIMIT = 25;
  static final int MAX_LIMIT = 100;

  /** Fixed width, so that the index's sort key orders by time as text. */
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern DAY = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
  private static final Pattern UUID_TEXT =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  private static final Set<String> TABLE_KEY = Set.of(ItemsRepository.ID);
  private static final Set<String> INDEX_KEY =
      Set.of(ItemsRepository.ID, ItemsRepository.CREATED_DATE, ItemsRepository.CREATED_AT);

  /** A page of items as the API returns it. */
  record ItemPage(List<ObjectNode> items, String nextToken) {}

  /** What the client says about the version it expects: nothing, any (If-Match: *), or one number. */
  record Precondition(boolean given, Long version) {
    static final Precondition NONE = new Precondition(false, null);
    static final Precondition ANY = new Precondition(true, null);

    static Precondition version(long version) {
      return new Precondition(true, version);
    }
  }

  private final ItemsRepository repository;
  private final PageTokens tokens;
  private final Clock clock;
  private final Supplier<UUID> ids;

  ItemsService(ItemsRepository repository, PageTokens tokens, Clock clock, Supplier<UUID> ids) {
    this.repository = repository;
    this.tokens = tokens;
    this.clock = clock;
    this.ids = ids;
  }

  ObjectNode create(ObjectNode body) {
    checkUserFields(body);
    String now = INSTANT.format(clock.instant());
    Map<String, AttributeValue> item = new LinkedHashMap<>(ItemJson.toAttributes(body));
    item.put(ItemsRepository.ID, AttributeValue.fromS(ids.get().toString()));
    item.put(ItemsRepository.CREATED_AT, AttributeValue.fromS(now));
    item.put(ItemsRepository.CREATED_DATE, AttributeValue.fromS(now.substring(0, 10)));
    item.put(ItemsRepository.UPDATED_AT, AttributeValue.fromS(now));
    item.put(ItemsRepository.VERSION, AttributeValue.fromN("1"));
    if (!repository.create(item)) {
      throw new IllegalStateException("generated id already exists");
    }
    return ItemJson.toJson(item);
  }

  ObjectNode get(String id) {
    return ItemJson.toJson(existing(id));
  }

  ItemPage list(String limitParam, String nextToken, String createdDate) {
    int limit = limit(limitParam);
    if (createdDate == null) {
      Map<String, AttributeValue> start = nextToken == null ? null : tokens.decode(nextToken, "all", TABLE_KEY);
      return page(repository.scan(limit, start), "all");
    }
    String scope = "day:" + day(createdDate);
    Map<String, AttributeValue> start = nextToken == null ? null : tokens.decode(nextToken, scope, INDEX_KEY);
    return page(repository.createdOn(createdDate, limit, start), scope);
  }

  ObjectNode replace(String id, ObjectNode body, Precondition ifMatch) {
    Precondition expected = merge(ifMatch, bodyVersion(body));
    body.remove(ItemsRepository.VERSION);
    checkUserFields(body);
    Map<String, AttributeValue> current = existing(id);
    long currentVersion = Long.parseLong(current.get(ItemsRepository.VERSION).n());
    if (expected.version() != null && expected.version() != currentVersion) {
      throw staleVersion(expected.version(), currentVersion);
    }
    Map<String, AttributeValue> item = new LinkedHashMap<>(ItemJson.toAttributes(body));
    item.put(ItemsRepository.ID, current.get(ItemsRepository.ID));
    item.put(ItemsRepository.CREATED_AT, current.get(ItemsRepository.CREATED_AT));
    item.put(ItemsRepository.CREATED_DATE, current.get(ItemsRepository.CREATED_DATE));
    item.put(ItemsRepository.UPDATED_AT, AttributeValue.fromS(INSTANT.format(clock.instant())));
    item.put(ItemsRepository.VERSION, AttributeValue.fromN(Long.toString(currentVersion + 1)));
    if (!repository.replace(item, currentVersion)) {
      throw ApiError.conflict("item " + id + " was changed or deleted concurrently; read it again");
    }
    return ItemJson.toJson(item);
  }

  void delete(String id, Precondition ifMatch) {
    checkId(id);
    if (repository.delete(id, ifMatch.version())) {
      return;
    }
    Map<String, AttributeValue> current = existing(id);
    throw staleVersion(ifMatch.version(), Long.parseLong(current.get(ItemsRepository.VERSION).n()));
  }

  private Map<String, AttributeValue> existing(String id) {
    checkId(id);
    return repository.get(id).orElseThrow(() -> ApiError.notFound("no item " + id));
  }

  /** Only server-made ids exist, so anything else is absent without asking DynamoDB. */
  private static void checkId(String id) {
    if (id == null || !UUID_TEXT.matcher(id).matches()) {
      throw ApiError.notFound("no item " + Router.truncate(String.valueOf(id)));
    }
  }

  private ItemPage page(ItemsRepository.Page page, String scope) {
    List<ObjectNode> items = page.items().stream().map(ItemJson::toJson).toList();
    String next = page.lastKey().isEmpty() ? null : tokens.encode(scope, page.lastKey());
    return new ItemPage(items, next);
  }

  private static void checkUserFields(ObjectNode body) {
    for (String field : SERVER_FIELDS) {
      if (body.has(field)) {
        throw ApiError.badRequest("field '" + field + "' is set by the server and cannot be given");
      }
    }
    JsonNode name = body.get("name");
    if (name == null || name.isNull()) {
      throw ApiError.badRequest("field 'name' is required");
    }
    if (!name.isTextual()) {
      throw ApiError.badRequest("field 'name' must be a string");
    }
    int length = name.textValue().codePointCount(0, name.textValue().length());
    if (length < 1 || length > MAX_NAME_LENGTH) {
      throw ApiError.badRequest("field 'name' must be 1 to " + MAX_NAME_LENGTH + " characters long");
    }
  }

  private static Optional<Long> bodyVersion(ObjectNode body) {
    JsonNode version = body.get(ItemsRepository.VERSION);
    if (version == null) {
      return Optional.empty();
    }
    if (!version.isIntegralNumber() || !version.canConvertToLong() || version.longValue() < 1) {
      throw ApiError.badRequest("field 'version' must be a positive integer");
    }
    return Optional.of(version.longValue());
  }

  private static Precondition merge(Precondition ifMatch, Optional<Long> bodyVersion) {
    if (bodyVersion.isPresent()) {
      if (ifMatch.version() != null && !ifMatch.version().equals(bodyVersion.get())) {
        throw ApiError.badRequest("If-Match and field 'version' disagree");
      }
      return Precondition.version(bodyVersion.get());
    }
    if (!ifMatch.given()) {
      throw ApiError.preconditionRequired("give the current version in If-Match or in field 'version'");
    }
    return ifMatch;
  }

  private static ApiError staleVersion(Long expected, long current) {
    return ApiError.conflict("version " + expected + " is stale: the item is at version " + current);
  }

  private static int limit(String limitParam) {
    if (limitParam == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(limitParam.trim());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below, with the other bad values
    }
    throw ApiError.badRequest("query parameter 'limit' must be an integer from 1 to " + MAX_LIMIT);
  }

  private static String day(String createdDate) {
    try {
      if (DAY.matcher(createdDate).matches()) {
        return LocalDate.parse(createdDate).toString();
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw ApiError.badRequest("query parameter 'createdDate' must be a date like 2025-01-31");
  }
}
