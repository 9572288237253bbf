package io.oteldemo.jobs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InProcessJobSlotLockTest {

  private static final Duration HOLD = Duration.ofSeconds(60);
  private static final JobSlot SLOT =
      new JobSlot("alice", LocalDate.of(2026, 1, 25), Optional.of("iphone_stuart"));

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-26T09:00:00Z"));
  private final InProcessJobSlotLock lock = new InProcessJobSlotLock(clock);

  @Test
  void oneHolderAtATime() {
    assertTrue(lock.tryLock(SLOT, "t1", HOLD));
    assertFalse(lock.tryLock(SLOT, "t2", HOLD));
  }

  @Test
  void otherSlotsAreIndependent() {
    assertTrue(lock.tryLock(SLOT, "t1", HOLD));
    assertTrue(lock.tryLock(new JobSlot("bob", SLOT.date(), SLOT.deviceId()), "t2", HOLD));
    assertTrue(lock.tryLock(new JobSlot("alice", SLOT.date(), Optional.empty()), "t3", HOLD));
  }

  @Test
  void onlyTheHolderReleases() {
    lock.tryLock(SLOT, "t1", HOLD);

    lock.unlock(SLOT, "someone-else");
    assertFalse(lock.tryLock(SLOT, "t2", HOLD), "still held by t1");

    lock.unlock(SLOT, "t1");
    assertTrue(lock.tryLock(SLOT, "t2", HOLD));
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
