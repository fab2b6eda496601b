package dev.tap.operator.sandbox.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private final AtomicLong nanos = new AtomicLong();

  @Test
  void a_full_bucket_lets_the_burst_through_then_refuses_until_the_rate_refills_it() {
    TokenBucket bucket = new TokenBucket(10, 20, nanos::get);

    long passed = IntStream.range(0, 25).filter(i -> bucket.tryTake()).count();
    assertThat(passed).as("the burst").isEqualTo(20);

    nanos.addAndGet(300_000_000L);
    long afterRefill = IntStream.range(0, 5).filter(i -> bucket.tryTake()).count();
    assertThat(afterRefill).as("0.3 s at 10 a second").isEqualTo(3);
  }

  @Test
  void an_idle_bucket_never_holds_more_than_its_burst() {
    TokenBucket bucket = new TokenBucket(100, 2, nanos::get);
    nanos.addAndGet(60_000_000_000L);

    long passed = IntStream.range(0, 10).filter(i -> bucket.tryTake()).count();

    assertThat(passed).isEqualTo(2);
  }
}
