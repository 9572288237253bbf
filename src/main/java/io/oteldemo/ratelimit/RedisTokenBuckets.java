package io.oteldemo.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Token buckets in Redis, shared by every replica: one atomic Lua script per decision (EVALSHA,
 * loaded again after a NOSCRIPT), Redis's own clock, keys hash-tagged by user so the script's
 * single key always lives on one Redis Cluster slot, and keys that expire on their own.
 */
public final class RedisTokenBuckets implements TokenBuckets {

  static final String SCRIPT = load("token-bucket.lua");

  private final UnifiedJedis redis;
  private volatile String sha;

  public RedisTokenBuckets(UnifiedJedis redis) {
    this.redis = redis;
  }

  /** {@code rl:{<sub>}:<policy>}: the braces make the user the cluster hash tag. */
  static String key(String subject, RateLimitPolicy policy) {
    return "rl:{" + subject + "}:" + policy.name();
  }

  @Override
  public RateLimitDecision take(String subject, RateLimitPolicy policy) {
    List<String> keys = List.of(key(subject, policy));
    List<String> args =
        List.of(Integer.toString(policy.limit()), Long.toString(policy.window().toMillis()));
    Object reply;
    try {
      reply = evaluate(keys, args);
    } catch (JedisConnectionException e) {
      // A pooled connection that died with an earlier Redis: the pool drops it; try once more.
      reply = evaluate(keys, args);
    }
    List<?> values = (List<?>) reply;
    return RateLimitDecision.of(
        policy, number(values, 0) == 1, number(values, 1), number(values, 2), number(values, 3));
  }

  private Object evaluate(List<String> keys, List<String> args) {
    try {
      return redis.evalsha(sha(), keys, args);
    } catch (JedisNoScriptException e) {
      // Redis restarted or its scripts were flushed: load the script again, once.
      sha = redis.scriptLoad(SCRIPT);
      return redis.evalsha(sha, keys, args);
    }
  }

  private String sha() {
    String current = sha;
    if (current == null) {
      current = redis.scriptLoad(SCRIPT);
      sha = current;
    }
    return current;
  }

  private static long number(List<?> values, int index) {
    return ((Number) values.get(index)).longValue();
  }

  private static String load(String resource) {
    try (InputStream in = RedisTokenBuckets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
