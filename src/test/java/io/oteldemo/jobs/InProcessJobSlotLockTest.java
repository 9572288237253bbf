package io.oteldemo.jobs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InProcessJobSlotLockTest extends JobSlotLockContract {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-26T09:00:00Z"));
  private final InProcessJobSlotLock lock = new InProcessJobSlotLock(clock);

  @Override
  JobSlotLock lock() {
    return lock;
  }

  @Override
  JobSlotLock otherReplica() {
    return lock;
  }

  @Test
  void aLockExpiresAfterItsHold() {
    lock.tryLock(SLOT, "t1", HOLD);

    clock.advance(HOLD.minusSeconds(1));
    assertFalse(lock.tryLock(SLOT, "t2", HOLD));
    clock.advance(Duration.ofSeconds(1));
    assertTrue(lock.tryLock(SLOT, "t2", HOLD), "a holder that never released blocks no longer");
  }
}
