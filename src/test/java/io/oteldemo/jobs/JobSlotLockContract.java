package io.oteldemo.jobs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every {@link JobSlotLock} must do; each implementation's test extends this. */
abstract class JobSlotLockContract {

  static final Duration HOLD = Duration.ofSeconds(30);
  static final JobSlot SLOT =
      new JobSlot("alice", LocalDate.of(2026, 1, 25), Optional.of("iphone_stuart"));

  /** The lock as one replica sees it, holding nothing. */
  abstract JobSlotLock lock();

  /**
   * The same lock as another replica sees it (another client of the same Redis); where the lock
   * lives in one process, the same lock.
   */
  abstract JobSlotLock otherReplica();

  @Test
  void oneHolderAtATime() {
    assertTrue(lock().tryLock(SLOT, "t1", HOLD));
    assertFalse(otherReplica().tryLock(SLOT, "t2", HOLD));
  }

  @Test
  void otherSlotsAreIndependent() {
    assertTrue(lock().tryLock(SLOT, "t1", HOLD));
    assertTrue(
        otherReplica().tryLock(new JobSlot("bob", SLOT.date(), SLOT.deviceId()), "t2", HOLD),
        "another owner's slot");
    assertTrue(
        otherReplica().tryLock(new JobSlot("alice", SLOT.date(), Optional.empty()), "t3", HOLD),
        "the owner's slot of all devices");
  }

  @Test
  void onlyTheHolderReleases() {
    lock().tryLock(SLOT, "t1", HOLD);

    otherReplica().unlock(SLOT, "t2");
    assertFalse(otherReplica().tryLock(SLOT, "t2", HOLD), "still held by t1");

    lock().unlock(SLOT, "t1");
    assertTrue(otherReplica().tryLock(SLOT, "t2", HOLD));
  }

  @ParameterizedTest
  @MethodSource("io.oteldemo.testing.AwkwardSubjects#subjects")
  void anyOwnersSlotIsLockedAndReleased(String owner) {
    JobSlot slot = new JobSlot(owner, SLOT.date(), SLOT.deviceId());
    assertTrue(lock().tryLock(slot, "t1", HOLD), "locked for " + owner);
    assertFalse(otherReplica().tryLock(slot, "t2", HOLD));
    lock().unlock(slot, "t1");
    assertTrue(otherReplica().tryLock(slot, "t2", HOLD));
  }
}
