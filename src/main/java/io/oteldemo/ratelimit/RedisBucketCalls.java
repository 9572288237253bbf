package io.oteldemo.ratelimit;

import io.oteldemo.redis.RedisConnection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * The calls to Redis's buckets, behind MicroProfile Fault Tolerance's circuit breaker: after a few
 * failures in a row, a dead Redis is left alone for a while (the outage policy answers at once)
 * instead of costing every request a timeout. Tunable through the standard properties ({@code
 * io.oteldemo.ratelimit.RedisBucketCalls/take/CircuitBreaker/delay}, …).
 */
@ApplicationScoped
public class RedisBucketCalls {

  @Inject RedisConnection redis;

  private TokenBuckets buckets;

  @PostConstruct
  void init() {
    buckets = redis.client().map(RedisTokenBuckets::new).orElse(null);
  }

  @CircuitBreaker(
      requestVolumeThreshold = 4,
      failureRatio = 0.75,
      delay = 5000,
      successThreshold = 1)
  public RateLimitDecision take(String subject, RateLimitPolicy policy) {
    return buckets.take(subject, policy);
  }

  public boolean available() {
    return buckets != null;
  }
}
