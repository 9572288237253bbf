package io.oteldemo.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.redis.RedisHashTag;
import io.oteldemo.testing.RedisServer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.UnifiedJedis;

/** A hash read along with the rate-limit decision, in the same script. */
@RedisServer
class RedisReadAlongTest {

  private static final RateLimitPolicy TWO_PER_MINUTE =
      new RateLimitPolicy("status", 2, Duration.ofSeconds(60));

  @Test
  void theCallersHashComesWithTheDecisionAndCostsNoToken(UnifiedJedis redis) {
    redis.hset("jobs:{alice}:job:j-1", Map.of("entry", "{}", "final", "{\"status\":\"failed\"}"));
    RedisTokenBuckets buckets = new RedisTokenBuckets(redis);

    LimitedRead read = buckets.take("alice", TWO_PER_MINUTE, Optional.of("jobs:{alice}:job:j-1"));

    assertTrue(read.decision().allowed());
    assertEquals(1L, read.decision().remaining().orElseThrow(), "one token, as without a read");
    assertEquals(
        Optional.of(Map.of("entry", "{}", "final", "{\"status\":\"failed\"}")), read.readAlong());
    assertEquals(
        Optional.of(Map.of()),
        buckets.take("alice", TWO_PER_MINUTE, Optional.of("jobs:{alice}:job:none")).readAlong(),
        "a hash that does not exist reads as no fields");
  }

  @Test
  void aRefusedRequestReadsNothing(UnifiedJedis redis) {
    redis.hset("jobs:{alice}:job:j-1", "entry", "{}");
    RedisTokenBuckets buckets = new RedisTokenBuckets(redis);
    buckets.take("alice", TWO_PER_MINUTE);
    buckets.take("alice", TWO_PER_MINUTE);

    LimitedRead read = buckets.take("alice", TWO_PER_MINUTE, Optional.of("jobs:{alice}:job:j-1"));

    assertFalse(read.decision().allowed());
    assertEquals(Optional.empty(), read.readAlong());
  }

  @Test
  void onlyAHashOfTheCallersOwnTagIsRead(UnifiedJedis redis) {
    redis.hset("jobs:{bob}:job:j-2", "entry", "{}");
    RedisTokenBuckets buckets = new RedisTokenBuckets(redis);

    LimitedRead read = buckets.take("alice", TWO_PER_MINUTE, Optional.of("jobs:{bob}:job:j-2"));

    assertTrue(read.decision().allowed());
    assertEquals(Optional.empty(), read.readAlong(), "another user's key is never read");
  }

  /** The script's two keys, the bucket and the hash, in one slot whatever the subject. */
  @ParameterizedTest
  @MethodSource("io.oteldemo.testing.AwkwardSubjects#subjects")
  void anySubjectsBucketAndHashAreReadInOneScript(String subject, UnifiedJedis redis) {
    String hash = "jobs:" + RedisHashTag.of(subject) + ":job:j-1";
    redis.hset(hash, "entry", "{}");
    RedisTokenBuckets buckets = new RedisTokenBuckets(redis);

    LimitedRead read = buckets.take(subject, TWO_PER_MINUTE, Optional.of(hash));

    assertTrue(read.decision().allowed());
    assertEquals(Optional.of(Map.of("entry", "{}")), read.readAlong(), "read along for " + subject);
    assertEquals(
        0L,
        buckets.take(subject, TWO_PER_MINUTE).remaining().orElseThrow(),
        "the read cost one token, the take the other");
  }
}
