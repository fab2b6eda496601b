package dev.tap.operator.table;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The capacity decreases DynamoDB reports for a table or an index (NumberOfDecreasesToday,
 * LastDecreaseDateTime), and when its quota allows the next one: at once while fewer than 4 were made
 * this UTC day, else an hour after the last, or at the next UTC midnight if that comes first. Pure.
 */
public record DecreaseHistory(long today, Instant last) {

  public static final DecreaseHistory NONE = new DecreaseHistory(0, null);
  static final int FREE_PER_DAY = 4;

  /** Empty when a decrease is allowed at {@code now}; else the earliest time it is. */
  public Optional<Instant> nextAllowed(Instant now) {
    if (last == null || today < FREE_PER_DAY) {
      return Optional.empty();
    }
    Instant midnight = last.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant next = last.plusSeconds(3600).isBefore(midnight) ? last.plusSeconds(3600) : midnight;
    return now.isBefore(next) ? Optional.of(next) : Optional.empty();
  }
}
