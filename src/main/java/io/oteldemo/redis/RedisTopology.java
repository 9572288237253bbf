package io.oteldemo.redis;

import java.time.Duration;
import java.util.Set;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The kind of Redis the application shares its state in, each reached through Jedis' own client for
 * it: one node ({@code REDIS_URL}), a Redis Cluster (its client follows slots, MOVED and failovers)
 * or a master watched by Sentinel (its client follows the master Sentinel names). Every client has
 * the same short timeouts and a pool per node.
 */
public sealed interface RedisTopology {

  int POOL_SIZE = 32;

  /** A client with the application's settings. */
  UnifiedJedis connect(Duration timeout);

  /** One node. */
  record Standalone(RedisEndpoint endpoint) implements RedisTopology {
    @Override
    public UnifiedJedis connect(Duration timeout) {
      return RedisClient.builder()
          .hostAndPort(new HostAndPort(endpoint.host(), endpoint.port()))
          .clientConfig(endpoint.access().clientConfig(timeout))
          .poolConfig(pool(timeout))
          .build();
    }

    @Override
    public String toString() {
      return endpoint.toString();
    }
  }

  /** A Redis Cluster, found from its seed nodes. */
  record Cluster(Set<HostAndPort> seeds, RedisAccess access) implements RedisTopology {
    @Override
    public UnifiedJedis connect(Duration timeout) {
      return RedisClusterClient.builder()
          .nodes(seeds)
          .clientConfig(access.clientConfig(timeout))
          .poolConfig(pool(timeout))
          .build();
    }

    @Override
    public String toString() {
      return "a Redis Cluster with seed nodes " + seeds + " (" + access + ")";
    }
  }

  /** The master Sentinel knows as {@code master}, and its sentinels' own access. */
  record Sentinel(
      String master, Set<HostAndPort> sentinels, RedisAccess access, RedisAccess sentinelAccess)
      implements RedisTopology {
    @Override
    public UnifiedJedis connect(Duration timeout) {
      return RedisSentinelClient.builder()
          .masterName(master)
          .sentinels(sentinels)
          .clientConfig(access.clientConfig(timeout))
          .sentinelClientConfig(sentinelAccess.clientConfig(timeout))
          .poolConfig(pool(timeout))
          .build();
    }

    @Override
    public String toString() {
      return "the master '"
          + master
          + "' of the sentinels "
          + sentinels
          + " ("
          + access
          + "; sentinels "
          + sentinelAccess
          + ")";
    }
  }

  /** Per node: a request waits at most one timeout for a connection, never indefinitely. */
  private static GenericObjectPoolConfig<Connection> pool(Duration timeout) {
    GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
    pool.setMaxTotal(POOL_SIZE);
    pool.setMaxIdle(POOL_SIZE);
    pool.setMaxWait(timeout);
    // Drop connections that died with an earlier Redis while they sat idle.
    pool.setTestWhileIdle(true);
    pool.setTimeBetweenEvictionRuns(Duration.ofSeconds(5));
    return pool;
  }
}
