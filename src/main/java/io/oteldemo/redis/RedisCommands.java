package io.oteldemo.redis;

import java.util.function.BiConsumer;
import java.util.function.Supplier;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Runs Redis commands whose failure the API must report rather than hide: every Jedis failure
 * (timeout, refused connection, exhausted pool, error reply) becomes a {@link
 * SharedStateUnavailableException}.
 *
 * <p>A command that timed out or lost its connection is sent once more at once: a pause of Redis or
 * of this JVM (a collection, two busy cores) a little longer than the timeout would otherwise fail
 * the request, while a dead Redis fails the second attempt as fast as the first. Every command run
 * here must therefore be safe to repeat: the same write again, or a script that recognises its own
 * token.
 */
public final class RedisCommands {

  /** Where failures are counted ({@link RedisErrors}, once the application has started). */
  private static volatile BiConsumer<String, RuntimeException> errors = (operation, e) -> {};

  private RedisCommands() {}

  static void reportErrorsTo(BiConsumer<String, RuntimeException> counter) {
    errors = counter;
  }

  /**
   * @param operation what was being done, for the log, e.g. "find a job"
   */
  public static <T> T run(String operation, Supplier<T> commands) {
    try {
      return commands.get();
    } catch (JedisConnectionException first) {
      try {
        return commands.get();
      } catch (JedisException second) {
        second.addSuppressed(first);
        errors.accept(operation, second);
        throw new SharedStateUnavailableException(operation, second);
      }
    } catch (JedisException e) {
      errors.accept(operation, e);
      throw new SharedStateUnavailableException(operation, e);
    }
  }
}
