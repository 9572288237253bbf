package io.oteldemo.redis;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The one Redis client of the application, when {@code REDIS_URL} is set: short timeouts (250 ms by
 * default, one repetition in {@link RedisCommands}), so a slow or dead Redis costs a request well
 * under a second, never many seconds. Without it, the state that replicas would share stays in this
 * process, and the server says so at start.
 */
@ApplicationScoped
public class RedisConnection {

  private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());
  private static final int POOL_SIZE = 32;

  @Inject
  @ConfigProperty(name = "REDIS_URL")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = "REDIS_TIMEOUT_MS")
  int timeoutMs;

  private UnifiedJedis client;
  private RedisEndpoint endpoint;

  @PostConstruct
  void open() {
    Optional<String> configured = url.map(String::trim).filter(value -> !value.isEmpty());
    if (configured.isEmpty()) {
      LOG.warning(
          "REDIS_URL is not set: rate limits, the job registry and idempotency records"
              + " are kept in this process only, per instance");
      return;
    }
    endpoint = RedisEndpoint.parse(configured.get());
    client = connect(endpoint, Duration.ofMillis(timeoutMs));
    LOG.info(() -> "Shared state in Redis at " + endpoint + " (timeout " + timeoutMs + " ms)");
  }

  /** Connects as configured; the tests use it for clients of their own Redis. */
  public static UnifiedJedis connect(RedisEndpoint endpoint, Duration timeout) {
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis((int) timeout.toMillis())
            .socketTimeoutMillis((int) timeout.toMillis())
            .database(endpoint.database())
            .ssl(endpoint.tls())
            .clientName("otel-demo");
    endpoint.user().ifPresent(config::user);
    endpoint.password().ifPresent(config::password);
    GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
    pool.setMaxTotal(POOL_SIZE);
    pool.setMaxIdle(POOL_SIZE);
    // A request waits at most one timeout for a connection, never indefinitely.
    pool.setMaxWait(timeout);
    // Drop connections that died with an earlier Redis while they sat idle.
    pool.setTestWhileIdle(true);
    pool.setTimeBetweenEvictionRuns(Duration.ofSeconds(5));
    return RedisClient.builder()
        .hostAndPort(new HostAndPort(endpoint.host(), endpoint.port()))
        .clientConfig(config.build())
        .poolConfig(pool)
        .build();
  }

  /** Reports the mode at start. */
  void announceAtStartup(@Observes Startup startup) {
    // Observing the event is enough to have the container construct this bean.
  }

  /** The client, or empty when the state is kept in process. */
  public Optional<UnifiedJedis> client() {
    return Optional.ofNullable(client);
  }

  @PreDestroy
  void close() {
    if (client != null) {
      client.close();
    }
  }
}
