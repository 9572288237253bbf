package io.oteldemo.idempotency;

import io.oteldemo.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;

/**
 * Chooses, once, where idempotency records live: in Redis when {@code REDIS_URL} is set, so a retry
 * reaching another replica is recognised; otherwise in this process.
 */
@ApplicationScoped
public class IdempotencyStoreProducer {

  /** How long a key's answer is kept (the 24 hours). */
  static final Duration RETENTION = Duration.ofHours(24);

  /**
   * The name of the {@link Duration} bean that says how long a key stays in flight: the request it
   * guards knows how long it may take, this package does not.
   */
  public static final String KEY_IN_FLIGHT = "idempotencyKeyInFlight";

  @Inject RedisConnection redis;

  @Inject
  @Named(KEY_IN_FLIGHT)
  Duration inFlight;

  @Produces
  @ApplicationScoped
  IdempotencyStore store() {
    return redis
        .client()
        .<IdempotencyStore>map(client -> new RedisIdempotencyStore(client, RETENTION, inFlight))
        .orElseGet(() -> new InProcessIdempotencyStore(Clock.systemUTC(), RETENTION, inFlight));
  }
}
