package dev.tap.operator.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedReadsTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final SharedReads shared = new SharedReads(clock, Duration.ofMinutes(5));

  @Test
  void what_aws_never_changes_is_read_once() {
    AtomicInteger reads = new AtomicInteger();

    for (int i = 0; i < 3; i++) {
      assertThat(shared.<String>immutable("us-east-1/api/deployment", () -> "hash-" + reads.incrementAndGet()))
          .isEqualTo("hash-1");
    }
    assertThat(shared.<String>immutable("us-east-1/api/other", () -> "hash-" + reads.incrementAndGet())).isEqualTo("hash-2");
  }

  @Test
  void an_account_wide_condition_once_found_is_read_again_only_after_the_resync_and_until_found_every_time() {
    AtomicInteger reads = new AtomicInteger();
    boolean[] holds = {false};

    assertThat(shared.accountWide("us-east-1/role", () -> read(reads, holds[0]))).isFalse();
    assertThat(shared.accountWide("us-east-1/role", () -> read(reads, holds[0]))).isFalse();
    holds[0] = true;
    assertThat(shared.accountWide("us-east-1/role", () -> read(reads, holds[0]))).isTrue();
    // A thousand resources in the same region read it once.
    for (int i = 0; i < 1000; i++) {
      assertThat(shared.accountWide("us-east-1/role", () -> read(reads, holds[0]))).isTrue();
    }
    assertThat(reads).hasValue(3);
    // Another region is another account setting.
    assertThat(shared.accountWide("eu-west-1/role", () -> read(reads, false))).isFalse();

    holds[0] = false;
    clock.advance(Duration.ofMinutes(6));
    assertThat(shared.accountWide("us-east-1/role", () -> read(reads, holds[0]))).isFalse();
  }

  private static boolean read(AtomicInteger reads, boolean holds) {
    reads.incrementAndGet();
    return holds;
  }
}
