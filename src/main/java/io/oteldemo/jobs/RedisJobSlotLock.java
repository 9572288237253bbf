package io.oteldemo.jobs;

import io.oteldemo.redis.RedisCommands;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link JobSlotLock} in Redis, shared by every replica: {@code SET NX PX} on {@code
 * jobs:{<owner>}:lock:<date>:<device>}, released only by its holder. Taking it again with the
 * holder's token succeeds, so an attempt whose reply was lost can be repeated.
 */
public final class RedisJobSlotLock implements JobSlotLock {

  /** ARGV: token, hold ms. */
  private static final String LOCK_SCRIPT =
      """
      if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
        return 1
      end
      if redis.call('GET', KEYS[1]) == ARGV[1] then
        return 1
      end
      return 0
      """;

  private static final String UNLOCK_SCRIPT =
      """
      if redis.call('GET', KEYS[1]) == ARGV[1] then
        return redis.call('DEL', KEYS[1])
      end
      return 0
      """;

  private final UnifiedJedis redis;

  public RedisJobSlotLock(UnifiedJedis redis) {
    this.redis = redis;
  }

  @Override
  public boolean tryLock(JobSlot slot, String token, Duration hold) {
    Object locked =
        RedisCommands.run(
            "lock a job slot",
            () ->
                redis.eval(
                    LOCK_SCRIPT,
                    List.of(lockKey(slot)),
                    List.of(token, Long.toString(hold.toMillis()))));
    return Long.valueOf(1).equals(locked);
  }

  @Override
  public void unlock(JobSlot slot, String token) {
    RedisCommands.run(
        "unlock a job slot",
        () -> redis.eval(UNLOCK_SCRIPT, List.of(lockKey(slot)), List.of(token)));
  }

  static String lockKey(JobSlot slot) {
    return RedisJobRegistry.ownerKey(slot.owner()) + ":lock:" + slot.name();
  }
}
