package io.oteldemo.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Each pass of the Redis contract tests hands out the topology it names: without this, a pass
 * misconfigured in the build would run the contract on one node three times and look green.
 */
@RedisServer
class RedisPassTest {

  private static final Map<String, Class<?>> CLIENTS =
      Map.of(
          "standalone", RedisClient.class,
          "cluster", RedisClusterClient.class,
          "sentinel", RedisSentinelClient.class);

  @Test
  void theClientIsOfThePassTopology(UnifiedJedis redis) {
    assertEquals(CLIENTS.get(RedisExtension.TOPOLOGY), redis.getClass());
    redis.set("pass", RedisExtension.TOPOLOGY);
    assertEquals(RedisExtension.TOPOLOGY, redis.get("pass"));
  }
}
