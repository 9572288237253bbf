package io.oteldemo.ratelimit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The Redis bucket breaker behaves as the Fault Tolerance breaker it replaced (4, 75 %, 5 s, 1).
 */
class RedisBreakerTest {

  private final AtomicLong now = new AtomicLong();
  private final RedisBreaker breaker = new RedisBreaker(now::get, Duration.ofSeconds(5));

  private void calls(boolean... failures) {
    for (boolean failure : failures) {
      breaker.check();
      if (failure) {
        breaker.failed();
      } else {
        breaker.succeeded();
      }
    }
  }

  @Test
  void opensWhenThreeOfTheLastFourCallsFailedNotBefore() {
    calls(true, true, true);
    assertFalse(breaker.isOpen(), "3 calls are not yet a window of 4");
    calls(false);
    assertTrue(breaker.isOpen(), "3 failures of 4: 75 %");
  }

  @Test
  void twoFailuresOfFourKeepItClosed() {
    calls(true, false, true, false, false, true);
    assertFalse(breaker.isOpen(), "never 3 of the last 4");
  }

  @Test
  void whileOpenCallsAreRefusedAtOnceThenOneSuccessClosesIt() {
    calls(true, true, true, true);
    assertThrows(RedisBreaker.OpenException.class, breaker::check);
    now.addAndGet(Duration.ofMillis(4_999).toNanos());
    assertThrows(RedisBreaker.OpenException.class, breaker::check, "still within the delay");

    now.addAndGet(Duration.ofMillis(1).toNanos());
    calls(false);

    assertFalse(breaker.isOpen(), "one trial success closes it");
    calls(true, true);
    assertFalse(breaker.isOpen(), "and the window starts afresh");
  }

  @Test
  void aFailedTrialOpensItAgain() {
    calls(true, true, true, true);
    now.addAndGet(Duration.ofSeconds(5).toNanos());

    calls(true);

    assertTrue(breaker.isOpen());
    assertThrows(RedisBreaker.OpenException.class, breaker::check);
    now.addAndGet(Duration.ofMillis(4_999).toNanos());
    assertThrows(
        RedisBreaker.OpenException.class, breaker::check, "the delay counts from the failed trial");

    now.addAndGet(Duration.ofMillis(1).toNanos());
    calls(true);

    assertTrue(breaker.isOpen(), "after a full delay again, one more failed trial opens it");
  }
}
