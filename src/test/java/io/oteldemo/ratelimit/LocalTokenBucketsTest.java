package io.oteldemo.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.testing.Concurrently;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalTokenBucketsTest {

  private static final RateLimitPolicy THREE_PER_TWO_SECONDS =
      new RateLimitPolicy("calculate", 3, Duration.ofSeconds(2));

  /** The nanoseconds until the next token of 3 per 2 s: ceil(2e9 / 3). */
  private static final long ONE_TOKEN_NANOS = 666_666_667L;

  private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
  private final LocalTokenBuckets buckets = new LocalTokenBuckets(nanos::get);

  @Test
  void allowsTheLimitThenRefusesWithARetryAfterOfOneSecond() {
    for (int i = 1; i <= 3; i++) {
      assertTrue(
          buckets.take("alice", THREE_PER_TWO_SECONDS).allowed(),
          "expected take " + i + " of 3 to be allowed");
    }
    RateLimitDecision refused = buckets.take("alice", THREE_PER_TWO_SECONDS);
    assertFalse(refused.allowed(), "expected the 4th take to be refused");
    assertEquals(
        1, refused.retryAfterSeconds(), "expected a retry-after of 1 s (2/3 s rounded up)");
    assertEquals(OptionalLong.of(0), refused.remaining(), "expected nothing remaining");
    assertEquals(2, refused.resetSeconds(), "expected the bucket full again in 2 s");
  }

  @Test
  void remainingCountsDown() {
    long[] remaining = new long[3];
    long[] reset = new long[3];
    for (int i = 0; i < 3; i++) {
      RateLimitDecision decision = buckets.take("alice", THREE_PER_TWO_SECONDS);
      remaining[i] = decision.remaining().orElseThrow();
      reset[i] = decision.resetSeconds();
      assertEquals(0, decision.retryAfterSeconds(), "expected no retry-after when allowed");
    }
    assertEquals(
        List.of(2L, 1L, 0L),
        List.of(remaining[0], remaining[1], remaining[2]),
        "expected remaining 2, 1, 0");
    assertEquals(
        List.of(1L, 2L, 2L),
        List.of(reset[0], reset[1], reset[2]),
        "expected full again in 2/3 s (1), 4/3 s (2), 2 s (2), rounded up");
  }

  @Test
  void oneTokenComesBackAfterAThirdOfTheWindow() {
    drain("alice");
    nanos.addAndGet(ONE_TOKEN_NANOS - 1_000);
    assertFalse(
        buckets.take("alice", THREE_PER_TWO_SECONDS).allowed(),
        "expected no token yet just before 2/3 s");
    nanos.addAndGet(1_000);
    RateLimitDecision decision = buckets.take("alice", THREE_PER_TWO_SECONDS);
    assertTrue(decision.allowed(), "expected one token back after 2/3 s");
    assertEquals(OptionalLong.of(0), decision.remaining(), "expected nothing left after it");
    assertFalse(
        buckets.take("alice", THREE_PER_TWO_SECONDS).allowed(),
        "expected only one token back after 2/3 s");
  }

  @Test
  void aFullWindowRefillsTheWholeBucket() {
    drain("alice");
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    for (int i = 1; i <= 3; i++) {
      RateLimitDecision decision = buckets.take("alice", THREE_PER_TWO_SECONDS);
      assertTrue(decision.allowed(), "expected take " + i + " of 3 allowed after a full window");
      assertEquals(
          OptionalLong.of(3 - i), decision.remaining(), "expected " + (3 - i) + " remaining");
    }
    assertFalse(
        buckets.take("alice", THREE_PER_TWO_SECONDS).allowed(),
        "expected no more than the limit after a full window");
  }

  /**
   * The status class's 100 a minute: a burst at one instant gets exactly 100, and a burst that
   * lasts 0.6 s (a minute's hundredth) gets one more, because the bucket refills continuously: 101
   * of 100 passing in a burst is that refill, not a leak.
   */
  @Test
  void aBurstGetsTheLimitPlusWhatRefillsWhileItLasts() {
    RateLimitPolicy status = new RateLimitPolicy("status", 100, Duration.ofMinutes(1));
    assertEquals(100, countAllowed("alice", status, 101), "a burst at one instant");

    nanos.addAndGet(Duration.ofMillis(500).toNanos());
    assertFalse(buckets.take("alice", status).allowed(), "no token yet 0.5 s later");
    nanos.addAndGet(Duration.ofMillis(200).toNanos());
    assertTrue(buckets.take("alice", status).allowed(), "the 101st, refilled by 0.6 s");
    assertFalse(buckets.take("alice", status).allowed(), "and no 102nd 0.7 s later");
  }

  @Test
  void longIdlenessNeverOverfillsTheBucket() {
    buckets.take("alice", THREE_PER_TWO_SECONDS);
    nanos.addAndGet(Duration.ofHours(1).toNanos());
    assertEquals(
        3,
        countAllowed("alice", THREE_PER_TWO_SECONDS, 10),
        "expected the bucket to hold at most its limit");
  }

  @Test
  void aClockGoingBackwardsAddsNoTokens() {
    drain("alice");
    nanos.addAndGet(-Duration.ofSeconds(10).toNanos());
    assertFalse(
        buckets.take("alice", THREE_PER_TWO_SECONDS).allowed(),
        "expected no tokens from a clock that went backwards");
  }

  @Test
  void subjectsHaveTheirOwnBuckets() {
    drain("alice");
    assertEquals(
        3,
        countAllowed("bob", THREE_PER_TWO_SECONDS, 5),
        "expected bob's bucket untouched by alice's");
    assertFalse(
        buckets.take("alice", THREE_PER_TWO_SECONDS).allowed(), "expected alice still refused");
  }

  @Test
  void policiesHaveTheirOwnBuckets() {
    RateLimitPolicy status = new RateLimitPolicy("status", 2, Duration.ofSeconds(2));
    drain("alice");
    assertEquals(
        2,
        countAllowed("alice", status, 5),
        "expected alice's status bucket untouched by her calculate bucket");
  }

  @Test
  void concurrentTakesNeverExceedTheLimit() {
    // The clock stands still, so nothing refills: every take below the limit is allowed at once,
    // while the others' run too, which is where a take that is not atomic loses its decrement.
    RateLimitPolicy limit = new RateLimitPolicy("calculate", 20_000, Duration.ofSeconds(60));
    int takesEach = 1_000;
    List<Integer> allowed =
        Concurrently.run(
            32,
            thread -> {
              int mine = 0;
              for (int i = 0; i < takesEach; i++) {
                if (buckets.take("alice", limit).allowed()) {
                  mine++;
                }
              }
              return mine;
            });
    assertEquals(
        20_000,
        allowed.stream().mapToInt(Integer::intValue).sum(),
        "expected exactly 20,000 of 32,000 concurrent takes allowed");
  }

  @Test
  void idleBucketsAreSwept() {
    for (int i = 0; i < 100; i++) {
      buckets.take("user-" + i, THREE_PER_TWO_SECONDS);
    }
    assertEquals(100, buckets.size(), "expected one bucket per subject");
    nanos.addAndGet(Duration.ofSeconds(2).toNanos() + 1);
    for (int i = 0; i < 1030; i++) {
      buckets.take("active", THREE_PER_TWO_SECONDS);
    }
    assertEquals(1, buckets.size(), "expected the 100 idle buckets swept, only 'active' kept");
  }

  @Test
  void bucketsUsedWithinTheWindowAreNotSwept() {
    for (int i = 0; i < 100; i++) {
      buckets.take("user-" + i, THREE_PER_TWO_SECONDS);
    }
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    for (int i = 0; i < 1030; i++) {
      buckets.take("active", THREE_PER_TWO_SECONDS);
    }
    assertEquals(101, buckets.size(), "expected no bucket swept before its window passed");
  }

  @Test
  void aSweptBucketComesBackFull() {
    drain("alice");
    nanos.addAndGet(Duration.ofSeconds(3).toNanos());
    for (int i = 0; i < 1030; i++) {
      buckets.take("other", THREE_PER_TWO_SECONDS);
    }
    assertEquals(
        3,
        countAllowed("alice", THREE_PER_TWO_SECONDS, 5),
        "expected a full bucket for alice after idleness");
  }

  private void drain(String subject) {
    assertEquals(
        3, countAllowed(subject, THREE_PER_TWO_SECONDS, 3), "expected a fresh bucket to allow 3");
    assertFalse(
        buckets.take(subject, THREE_PER_TWO_SECONDS).allowed(),
        "expected the drained bucket to refuse");
  }

  private int countAllowed(String subject, RateLimitPolicy policy, int takes) {
    int allowed = 0;
    for (int i = 0; i < takes; i++) {
      if (buckets.take(subject, policy).allowed()) {
        allowed++;
      }
    }
    return allowed;
  }
}
