package io.oteldemo.redis;

import java.time.Duration;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/**
 * A Redis the tests started, in one of the application's topologies: one node ({@link
 * RedisProcess}), a Redis Cluster ({@link RedisClusterProcesses}) or a master and replica watched
 * by Sentinel ({@link RedisSentinelProcesses}).
 */
public interface RedisDeployment extends AutoCloseable {

  /** A new client with the application's own settings for this topology. */
  UnifiedJedis client(Duration timeout);

  /** Empties every master. */
  void flushAll();

  /** The settings that point the application at this Redis, e.g. {@code REDIS_URL}. */
  Map<String, String> settings();

  /** Stops every process. */
  @Override
  void close();
}
