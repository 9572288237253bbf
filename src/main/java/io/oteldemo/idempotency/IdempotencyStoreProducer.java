package io.oteldemo.idempotency;

import io.oteldemo.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses, once, where idempotency records live: in Redis when {@code REDIS_URL} is set, so a
 * retry reaching another replica is recognised; otherwise in this process.
 */
@ApplicationScoped
public class IdempotencyStoreProducer {

  /** How long a key's answer is kept (the 24 hours). */
  static final Duration RETENTION = Duration.ofHours(24);

  /** The in-flight mark outlives the request it guards: at most one worker call and a little. */
  static final int IN_FLIGHT_TIMEOUTS_PER_CALL = 2;

  @Inject RedisConnection redis;

  @Inject
  @ConfigProperty(name = "DISTANCE_SERVICE_TIMEOUT")
  int workerTimeoutSeconds;

  @Produces
  @ApplicationScoped
  IdempotencyStore store() {
    Duration inFlight = Duration.ofSeconds(
        Math.max(1L, workerTimeoutSeconds) * IN_FLIGHT_TIMEOUTS_PER_CALL);
    return redis.client()
        .<IdempotencyStore>map(client -> new RedisIdempotencyStore(client, RETENTION, inFlight))
        .orElseGet(() -> new InProcessIdempotencyStore(Clock.systemUTC(), RETENTION, inFlight));
  }
}
