package io.oteldemo.jobs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.testing.Await;
import io.oteldemo.testing.RedisServer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.UnifiedJedis;

/** The slot lock against a real redis-server, taken by two clients as by two replicas. */
@RedisServer
class RedisJobSlotLockTest {

  private static final Duration HOLD = Duration.ofSeconds(30);
  private static final JobSlot SLOT =
      new JobSlot("alice", LocalDate.of(2026, 1, 25), Optional.of("iphone_stuart"));

  private UnifiedJedis clientA;
  private RedisJobSlotLock replicaA;
  private RedisJobSlotLock replicaB;

  @BeforeEach
  void connect(UnifiedJedis clientA, UnifiedJedis clientB) {
    this.clientA = clientA;
    replicaA = new RedisJobSlotLock(clientA);
    replicaB = new RedisJobSlotLock(clientB);
  }

  @Test
  void oneHolderAcrossReplicas() {
    assertTrue(replicaA.tryLock(SLOT, "t1", HOLD));
    assertFalse(replicaB.tryLock(SLOT, "t2", HOLD));
    assertTrue(replicaB.tryLock(new JobSlot("bob", SLOT.date(), SLOT.deviceId()), "t3", HOLD));
  }

  @Test
  void theHolderTakingItAgainSucceedsSoALostReplyCanBeRepeated() {
    assertTrue(replicaA.tryLock(SLOT, "t1", HOLD));

    assertTrue(replicaB.tryLock(SLOT, "t1", HOLD), "the same token again");
    assertFalse(replicaB.tryLock(SLOT, "t2", HOLD), "still held by t1");
  }

  @Test
  void onlyTheHolderReleases() {
    replicaA.tryLock(SLOT, "t1", HOLD);

    replicaB.unlock(SLOT, "t2");
    assertFalse(replicaB.tryLock(SLOT, "t2", HOLD), "still held by t1");

    replicaA.unlock(SLOT, "t1");
    assertTrue(replicaB.tryLock(SLOT, "t2", HOLD));
  }

  @Test
  void theLockIsHashTaggedByOwnerAndExpires() {
    replicaA.tryLock(SLOT, "t1", Duration.ofMillis(300));

    assertTrue(
        Set.of("jobs:{alice}:lock:2026-01-25:iphone_stuart").equals(clientA.keys("*")),
        () -> "keys: " + clientA.keys("*"));
    Await.until(
        () -> replicaB.tryLock(SLOT, "t2", HOLD),
        "a lock whose holder never released should expire");
  }

  @ParameterizedTest
  @MethodSource("io.oteldemo.testing.AwkwardSubjects#subjects")
  void anyOwnersSlotIsLockedAndReleased(String owner) {
    JobSlot slot = new JobSlot(owner, SLOT.date(), SLOT.deviceId());
    assertTrue(replicaA.tryLock(slot, "t1", HOLD), "locked for " + owner);
    assertFalse(replicaB.tryLock(slot, "t2", HOLD));
    replicaA.unlock(slot, "t1");
    assertTrue(replicaB.tryLock(slot, "t2", HOLD));
  }
}
