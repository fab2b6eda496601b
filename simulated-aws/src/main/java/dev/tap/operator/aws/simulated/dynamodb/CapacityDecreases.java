package dev.tap.operator.aws.simulated.dynamodb;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * DynamoDB's quota on provisioned-capacity decreases, kept for a table and for each of its indexes
 * separately (DynamoDB service quotas, "Decreasing provisioned throughput"): a decrease is allowed
 * when fewer than 4 were made in the current UTC day, or when the last one was at least an hour ago;
 * 27 a day at most. DescribeTable shows the count and the last one.
 */
final class CapacityDecreases {

  static final int FREE_PER_DAY = 4;
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy 'at' h:mm:ss a 'Coordinated Universal Time'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private LocalDate day;
  private long today;
  private Instant last;

  /** The refusal message when a decrease now is over the quota; null when it is allowed. */
  String refusal(Instant now) {
    long count = countOn(now);
    if (count < FREE_PER_DAY || !now.isBefore(last.plusSeconds(3600))) {
      return null;
    }
    return "Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day. After the"
        + " first 4 decreases, each subsequent decrease in the same UTC day can be performed at most once every 3600"
        + " seconds. Number of decreases today: " + count + ". Last decrease at " + SHOWN.format(last)
        + ". Next decrease can be made at " + SHOWN.format(last.plusSeconds(3600));
  }

  void record(Instant now) {
    today = countOn(now) + 1;
    day = utcDay(now);
    last = now;
  }

  /** NumberOfDecreasesToday as DescribeTable reports it. */
  long countOn(Instant now) {
    return day != null && day.equals(utcDay(now)) ? today : 0;
  }

  /** LastDecreaseDateTime; null before the first decrease. */
  Instant last() {
    return last;
  }

  private static LocalDate utcDay(Instant instant) {
    return instant.atZone(ZoneOffset.UTC).toLocalDate();
  }
}
