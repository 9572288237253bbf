package io.oteldemo.ratelimit;

import io.oteldemo.redis.RedisHashTag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /** {@code rl:{<sub>}:<policy>}: the user is the cluster hash tag ({@link RedisHashTag}). */
  static String key(String subject, RateLimitPolicy policy) {
    return "rl:" + RedisHashTag.of(subject) + ":" + policy.name();
  }

  @Override
  public RateLimitDecision take(String subject, RateLimitPolicy policy) {
    return take(subject, policy, Optional.empty()).decision();
  }

  /**
   * Takes a token and, when allowed, reads the hash {@code readAlong} in the same script: one round
   * trip for both. The hash must carry the subject's hash tag, as the bucket does, so that both
   * keys live on one Redis Cluster slot; any other key is not read.
   */
  LimitedRead take(String subject, RateLimitPolicy policy, Optional<String> readAlong) {
    Optional<String> hash = readAlong.filter(key -> RedisHashTag.holds(key, subject));
    List<String> keys =
        hash.map(key -> List.of(key(subject, policy), key))
            .orElseGet(() -> List.of(key(subject, policy)));
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
    RateLimitDecision decision =
        RateLimitDecision.of(
            policy,
            number(values, 0) == 1,
            number(values, 1),
            number(values, 2),
            number(values, 3));
    Optional<Map<String, String>> read =
        values.size() > 4 ? Optional.of(fields((List<?>) values.get(4))) : Optional.empty();
    return new LimitedRead(decision, read);
  }

  /** HGETALL's reply as a script returns it: field, value, field, value… */
  private static Map<String, String> fields(List<?> flat) {
    Map<String, String> fields = new HashMap<>();
    for (int i = 0; i + 1 < flat.size(); i += 2) {
      fields.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
    }
    return fields;
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
