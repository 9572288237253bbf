package io.oteldemo.ratelimit;

import io.oteldemo.redis.RedisConnection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The calls to Redis's buckets, behind a circuit breaker ({@link RedisBreaker}): after a few
 * failures in a row, a dead Redis is left alone for a while (the outage policy answers at once)
 * instead of costing every request a timeout.
 */
@ApplicationScoped
public class RedisBucketCalls {

  @Inject RedisConnection redis;

  private RedisTokenBuckets buckets;
  private final RedisBreaker breaker = new RedisBreaker(System::nanoTime, RedisBreaker.DELAY);

  @PostConstruct
  void init() {
    buckets = redis.client().map(RedisTokenBuckets::new).orElse(null);
  }

  /** For the tests: these buckets behind this class's breaker. */
  static RedisBucketCalls of(RedisTokenBuckets buckets) {
    RedisBucketCalls calls = new RedisBucketCalls();
    calls.buckets = buckets;
    return calls;
  }

  LimitedRead take(String subject, RateLimitPolicy policy, Optional<String> readAlong) {
    breaker.check();
    LimitedRead read;
    try {
      read = buckets.take(subject, policy, readAlong);
    } catch (RuntimeException e) {
      breaker.failed();
      throw e;
    }
    breaker.succeeded();
    return read;
  }

  public boolean available() {
    return buckets != null;
  }

  boolean breakerOpen() {
    return breaker.isOpen();
  }
}
