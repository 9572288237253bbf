package io.oteldemo.ratelimit;

import io.oteldemo.redis.RedisConnection;
import io.oteldemo.redis.RedisErrors;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Rate limits per user and route class: in Redis when {@code REDIS_URL} is set (every replica
 * shares them), else in this process. The limits are read and checked once, at start.
 */
@ApplicationScoped
public class RateLimiter {

  private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());

  @Inject Config config;
  @Inject RedisConnection redis;
  @Inject RedisBucketCalls redisBuckets;
  @Inject RedisErrors redisErrors;

  private final Map<RouteClass, RateLimitPolicy> policies = new EnumMap<>(RouteClass.class);
  private TokenBuckets localBuckets;
  private RedisOutagePolicy outagePolicy;

  @PostConstruct
  void init() {
    for (RouteClass route : RouteClass.values()) {
      policies.put(
          route,
          RateLimitPolicy.parse(
              route.policyName(), config.getValue(route.setting(), String.class), route.setting()));
    }
    outagePolicy =
        new RedisOutagePolicy(
            FailMode.parse(config.getValue("RATE_LIMIT_FAIL_MODE", String.class)),
            Clock.systemUTC());
    if (!redisBuckets.available()) {
      localBuckets = new LocalTokenBuckets(System::nanoTime);
    }
    LOG.info(
        () ->
            "Rate limits "
                + policies.values()
                + (localBuckets == null
                    ? " in Redis, failing "
                        + outagePolicy.mode().name().toLowerCase(java.util.Locale.ROOT)
                    : " in this process only (no REDIS_URL): each instance counts on its own"));
  }

  /** Checks the limits at start, so a bad setting stops the deployment. */
  void checkAtStartup(@Observes Startup startup) {
    // Observing the event is enough to have the container construct this bean.
  }

  public RateLimitDecision take(String subject, RouteClass route) {
    return take(subject, route, Optional.empty()).decision();
  }

  /**
   * The decision, and in the same Redis round trip the hash {@code readAlong} when the request is
   * allowed and the limits are in Redis; nothing is read along otherwise (in process, or decided by
   * the outage policy).
   */
  LimitedRead take(String subject, RouteClass route, Optional<String> readAlong) {
    RateLimitPolicy policy = policies.get(route);
    if (localBuckets != null) {
      return LimitedRead.only(localBuckets.take(subject, policy));
    }
    try {
      return redisBuckets.take(subject, policy, readAlong);
    } catch (RuntimeException e) {
      if (!(e instanceof RedisBreaker.OpenException)) {
        // The breaker's refusal sent no command: not an error of Redis.
        redisErrors.failed("take a rate-limit token", e);
      }
      return LimitedRead.only(outagePolicy.decide(policy, e));
    }
  }

  /** For the readiness report. */
  public Map<String, Object> report() {
    if (localBuckets != null) {
      return Map.of("store", "in-process");
    }
    Map<String, Object> report = new LinkedHashMap<>(outagePolicy.report());
    report.put("store", "redis");
    return report;
  }
}
