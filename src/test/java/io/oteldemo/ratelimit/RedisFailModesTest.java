package io.oteldemo.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import io.oteldemo.redis.RedisProcess;
import io.oteldemo.testing.RedisServer;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * A Redis stopped mid-run, as the rate limiter meets it: the Redis buckets fail, and the outage
 * policy answers in each fail mode; once Redis is back, the buckets decide again.
 */
@RedisServer(perTest = true)
class RedisFailModesTest {

  private static final RateLimitPolicy POLICY =
      new RateLimitPolicy("calculate", 2, Duration.ofSeconds(60));

  private RedisProcess redis;
  private UnifiedJedis client;
  private TokenBuckets buckets;

  @BeforeEach
  void connect(RedisProcess server) {
    redis = server;
    client = redis.client(Duration.ofMillis(50));
    buckets = new RedisTokenBuckets(client);
  }

  @AfterEach
  void disconnect() {
    client.close();
  }

  @Test
  void failingOpenLetsRequestsThroughUndecidedWhileRedisIsDown() {
    RedisOutagePolicy open = new RedisOutagePolicy(FailMode.OPEN, Clock.systemUTC());
    assertTrue(decide(open).allowed());
    redis.stop();

    for (int i = 0; i < 5; i++) {
      RateLimitDecision decision = decide(open);
      assertTrue(decision.allowed(), "failing open: let through");
      assertFalse(decision.remaining().isPresent(), "no quota is known without Redis");
    }
    assertEquals(5, open.undecidedCount(), "every undecided request is counted");

    redis.restart();
    assertTrue(decide(open).allowed(), "a restarted Redis starts with a full bucket");
    assertTrue(decide(open).allowed());
    RateLimitDecision third = decide(open);
    assertFalse(third.allowed(), "the limit of 2 holds again once Redis is back");
    assertTrue(third.remaining().isPresent(), "decided by Redis, not by the outage policy");
  }

  @Test
  void failingClosedRefusesWith503WhileRedisIsDown() {
    RedisOutagePolicy closed = new RedisOutagePolicy(FailMode.CLOSED, Clock.systemUTC());
    redis.stop();

    ApiException e = assertThrows(ApiException.class, () -> decide(closed));

    assertEquals(ErrorCode.SERVICE_UNAVAILABLE, e.code());
    assertEquals(RedisOutagePolicy.CLOSED_RETRY_AFTER_SECONDS, e.retryAfterSeconds().orElseThrow());
    redis.restart();
    assertTrue(decide(closed).allowed(), "decisions resume once Redis is back");
  }

  /** What RateLimiter does with the Redis buckets and its outage policy. */
  private RateLimitDecision decide(RedisOutagePolicy outage) {
    try {
      return buckets.take("user-1", POLICY);
    } catch (RuntimeException failure) {
      return outage.decide(POLICY, failure);
    }
  }
}
