package io.oteldemo.jobs;

import io.oteldemo.redis.RedisCommands;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * {@link JobSlotLock} in Redis, shared by every replica: {@code SET NX PX} on
 * {@code jobs:{<owner>}:lock:<date>:<device>}, released only by its holder.
 */
public final class RedisJobSlotLock implements JobSlotLock {

  private static final String UNLOCK_SCRIPT = """
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
    return "OK".equals(RedisCommands.run("lock a job slot", () -> redis.set(lockKey(slot), token,
        SetParams.setParams().nx().px(hold.toMillis()))));
  }

  @Override
  public void unlock(JobSlot slot, String token) {
    RedisCommands.run("unlock a job slot",
        () -> redis.eval(UNLOCK_SCRIPT, List.of(lockKey(slot)), List.of(token)));
  }

  static String lockKey(JobSlot slot) {
    return RedisJobRegistry.ownerKey(slot.owner()) + ":lock:" + slot.name();
  }
}
