package io.oteldemo.jobs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.testing.Await;
import io.oteldemo.testing.RedisServer;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** The slot lock against a real redis-server, taken by two clients as by two replicas. */
@RedisServer
class RedisJobSlotLockTest extends JobSlotLockContract {

  private UnifiedJedis clientA;
  private RedisJobSlotLock replicaA;
  private RedisJobSlotLock replicaB;

  @BeforeEach
  void connect(UnifiedJedis clientA, UnifiedJedis clientB) {
    this.clientA = clientA;
    replicaA = new RedisJobSlotLock(clientA);
    replicaB = new RedisJobSlotLock(clientB);
  }

  @Override
  JobSlotLock lock() {
    return replicaA;
  }

  @Override
  JobSlotLock otherReplica() {
    return replicaB;
  }

  @Test
  void theHolderTakingItAgainSucceedsSoALostReplyCanBeRepeated() {
    assertTrue(replicaA.tryLock(SLOT, "t1", HOLD));

    assertTrue(replicaB.tryLock(SLOT, "t1", HOLD), "the same token again");
    assertFalse(replicaB.tryLock(SLOT, "t2", HOLD), "still held by t1");
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
}
