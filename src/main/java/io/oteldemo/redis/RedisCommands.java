package io.oteldemo.redis;

import java.util.function.Supplier;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Runs Redis commands whose failure the API must report rather than hide: every Jedis failure
 * (timeout, refused connection, exhausted pool, error reply) becomes a
 * {@link SharedStateUnavailableException}.
 */
public final class RedisCommands {

  private RedisCommands() {}

  /**
   * @param operation what was being done, for the log, e.g. "find a job"
   */
  public static <T> T run(String operation, Supplier<T> commands) {
    try {
      return commands.get();
    } catch (JedisException e) {
      throw new SharedStateUnavailableException(operation, e);
    }
  }
}
