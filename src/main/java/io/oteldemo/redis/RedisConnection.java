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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.UnifiedJedis;

/**
 * The one Redis client of the application, when a Redis is configured ({@link RedisSettings}: one
 * node, a cluster or Sentinel): short timeouts (250 ms by default, one repetition in {@link
 * RedisCommands}), so a slow or dead Redis costs a request well under a second, never many seconds.
 * Without one, the state that replicas would share stays in this process, and the server says so at
 * start.
 */
@ApplicationScoped
public class RedisConnection {

  private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());

  @Inject
  @ConfigProperty(name = "REDIS_URL")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = "REDIS_CLUSTER_NODES")
  Optional<String> clusterNodes;

  @Inject
  @ConfigProperty(name = "REDIS_SENTINEL_MASTER")
  Optional<String> sentinelMaster;

  @Inject
  @ConfigProperty(name = "REDIS_SENTINEL_NODES")
  Optional<String> sentinelNodes;

  @Inject
  @ConfigProperty(name = "REDIS_USERNAME")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "REDIS_PASSWORD")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "REDIS_TLS")
  boolean tls;

  @Inject
  @ConfigProperty(name = "REDIS_SENTINEL_USERNAME")
  Optional<String> sentinelUser;

  @Inject
  @ConfigProperty(name = "REDIS_SENTINEL_PASSWORD")
  Optional<String> sentinelPassword;

  @Inject
  @ConfigProperty(name = "REDIS_TIMEOUT_MS")
  int timeoutMs;

  private UnifiedJedis client;

  @PostConstruct
  void open() {
    Optional<RedisTopology> topology =
        new RedisSettings(
                url,
                clusterNodes,
                sentinelMaster,
                sentinelNodes,
                user,
                password,
                tls,
                sentinelUser,
                sentinelPassword)
            .topology();
    if (topology.isEmpty()) {
      LOG.warning(
          "No Redis is configured (REDIS_URL, REDIS_CLUSTER_NODES or REDIS_SENTINEL_MASTER):"
              + " rate limits, the job registry and idempotency records are kept in this"
              + " process only, per instance");
      return;
    }
    client = topology.get().connect(Duration.ofMillis(timeoutMs));
    LOG.info(() -> "Shared state in Redis: " + topology.get() + " (timeout " + timeoutMs + " ms)");
  }

  /** Connects to one node as configured; the tests use it for clients of their own Redis. */
  public static UnifiedJedis connect(RedisEndpoint endpoint, Duration timeout) {
    return new RedisTopology.Standalone(endpoint).connect(timeout);
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
