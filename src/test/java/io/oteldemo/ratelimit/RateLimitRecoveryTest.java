package io.oteldemo.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.oteldemo.redis.RedisProcess;
import io.oteldemo.testing.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Connection;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** Redis coming back after an outage, and a local bucket at the exact end of its window. */
class RateLimitRecoveryTest {

  @Test
  @RedisServer
  void connectionsPooledBeforeAnOutageDoNotFailRequestsAfterRedisIsBack(RedisProcess own) {
    try (UnifiedJedis client = own.client(Duration.ofMillis(500))) {
      RedisTokenBuckets buckets = new RedisTokenBuckets(client);
      RateLimitPolicy many = new RateLimitPolicy("calculate", 100, Duration.ofSeconds(60));
      buckets.take("alice", many);
      // Four connections in use at once, then idle in the pool (as after a burst of requests).
      List<Connection> held = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        held.add(((RedisClient) client).getPool().getResource());
      }
      held.forEach(Connection::close);
      own.stop();
      assertThrows(JedisConnectionException.class, () -> buckets.take("alice", many));
      own.restart();
      int failures = 0;
      for (int i = 0; i < 8; i++) {
        try {
          buckets.take("alice", many);
        } catch (JedisConnectionException e) {
          failures++;
        }
      }
      assertEquals(
          0,
          failures,
          "expected every take after the restart to work, but "
              + failures
              + " of 8 failed on connections pooled before the outage");
    }
  }

  @Test
  void aDrainedLocalBucketIsWholeAgainAfterExactlyItsWindow() {
    AtomicLong nanos = new AtomicLong(5_000_000_000L);
    LocalTokenBuckets buckets = new LocalTokenBuckets(nanos::get);
    RateLimitPolicy sevenPerThree = new RateLimitPolicy("calculate", 7, Duration.ofSeconds(3));
    for (int i = 0; i < 7; i++) {
      buckets.take("alice", sevenPerThree);
    }
    nanos.addAndGet(Duration.ofSeconds(3).toNanos());
    assertEquals(
        OptionalLong.of(6),
        buckets.take("alice", sevenPerThree).remaining(),
        "expected a full bucket of 7 after the 3 s window, 6 left after one take");
  }
}
