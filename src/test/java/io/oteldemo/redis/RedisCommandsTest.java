package io.oteldemo.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/** A command that timed out is sent once more; any other failure is reported at once. */
class RedisCommandsTest {

  private final AtomicInteger attempts = new AtomicInteger();

  @Test
  void aTimeoutIsRepeatedOnceAndTheSecondAnswerCounts() {
    String answer =
        RedisCommands.run(
            "read",
            () -> {
              if (attempts.incrementAndGet() == 1) {
                throw new JedisConnectionException("Read timed out");
              }
              return "value";
            });

    assertEquals("value", answer);
    assertEquals(2, attempts.get());
  }

  @Test
  void twoTimeoutsInARowAreAnUnavailableSharedState() {
    SharedStateUnavailableException e =
        assertThrows(
            SharedStateUnavailableException.class,
            () ->
                RedisCommands.run(
                    "read",
                    () -> {
                      attempts.incrementAndGet();
                      throw new JedisConnectionException("Read timed out");
                    }));

    assertEquals(2, attempts.get(), "one repetition, no more");
    assertEquals(1, e.getCause().getSuppressed().length, "the first failure is kept");
  }

  @Test
  void anErrorReplyIsNotRepeated() {
    SharedStateUnavailableException e =
        assertThrows(
            SharedStateUnavailableException.class,
            () ->
                RedisCommands.run(
                    "read",
                    () -> {
                      attempts.incrementAndGet();
                      throw new JedisDataException("WRONGTYPE");
                    }));

    assertEquals(1, attempts.get());
    assertInstanceOf(JedisDataException.class, e.getCause());
  }
}
