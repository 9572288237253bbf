package io.oteldemo.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.redis.RedisDeployment;
import io.oteldemo.redis.RedisProcess;
import io.oteldemo.testing.Await;
import io.oteldemo.testing.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

@RedisServer
class RedisTokenBucketsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  /** Short, to see a refill; a take that waited 2/3 s between two others would see one more. */
  private static final RateLimitPolicy THREE_PER_TWO_SECONDS =
      new RateLimitPolicy("calculate", 3, Duration.ofSeconds(2));

  /** Long, for exact counts: 20 s would have to pass between takes for a token to come back. */
  private static final RateLimitPolicy THREE_PER_MINUTE =
      new RateLimitPolicy("calculate", 3, Duration.ofSeconds(60));

  private static UnifiedJedis client;

  private RedisTokenBuckets buckets;
  private String subject;

  @BeforeAll
  static void connect(UnifiedJedis redis) {
    client = redis;
  }

  @BeforeEach
  void freshBuckets(TestInfo test) {
    buckets = new RedisTokenBuckets(client);
    subject = "user-" + test.getTestMethod().orElseThrow().getName();
  }

  @Test
  void allowsTheLimitThenRefusesWithARetryAfter() {
    for (int i = 1; i <= 3; i++) {
      assertTrue(
          buckets.take(subject, THREE_PER_TWO_SECONDS).allowed(),
          "expected take " + i + " of 3 to be allowed");
    }
    RateLimitDecision refused = buckets.take(subject, THREE_PER_TWO_SECONDS);
    assertFalse(refused.allowed(), "expected the 4th take to be refused");
    assertTrue(
        refused.retryAfterSeconds() >= 1 && refused.retryAfterSeconds() <= 2,
        "expected a retry-after of 1..2 s, not " + refused.retryAfterSeconds());
    assertEquals(OptionalLong.of(0), refused.remaining(), "expected nothing remaining");
    assertTrue(
        refused.resetSeconds() >= 1 && refused.resetSeconds() <= 2,
        "expected the bucket full again within the 2 s window, not " + refused.resetSeconds());
  }

  @Test
  void aTokenComesBackAfterTheRetryAfter() {
    RateLimitDecision refused = null;
    for (int i = 0; i < 4; i++) {
      refused = buckets.take(subject, THREE_PER_TWO_SECONDS);
    }
    assertFalse(refused.allowed(), "expected the 4th take to be refused");
    RateLimitDecision later =
        Await.value(
            () -> buckets.take(subject, THREE_PER_TWO_SECONDS),
            RateLimitDecision::allowed,
            Duration.ofSeconds(3));
    assertTrue(
        later.allowed(),
        "expected a token back within 3 s (retry-after was " + refused.retryAfterSeconds() + " s)");
  }

  @Test
  void remainingAndResetAreExact() {
    List<Long> remaining = new ArrayList<>();
    List<Long> reset = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      RateLimitDecision decision = buckets.take(subject, THREE_PER_MINUTE);
      assertTrue(decision.allowed(), "expected take " + (i + 1) + " of 3 to be allowed");
      assertEquals(0, decision.retryAfterSeconds(), "expected no retry-after when allowed");
      remaining.add(decision.remaining().orElseThrow());
      reset.add(decision.resetSeconds());
    }
    assertEquals(List.of(2L, 1L, 0L), remaining, "expected remaining 2, 1, 0");
    assertEquals(20, reset.get(0), "expected one token missing = full in 20 s");
    assertTrue(
        reset.get(1) == 39 || reset.get(1) == 40,
        "expected two tokens missing = full in about 40 s, not " + reset.get(1));
    assertTrue(
        reset.get(2) == 59 || reset.get(2) == 60,
        "expected three tokens missing = full in about 60 s, not " + reset.get(2));
    RateLimitDecision refused = buckets.take(subject, THREE_PER_MINUTE);
    assertFalse(refused.allowed(), "expected the 4th take refused");
    assertTrue(
        refused.retryAfterSeconds() >= 19 && refused.retryAfterSeconds() <= 20,
        "expected a retry-after of about 20 s, not " + refused.retryAfterSeconds());
  }

  @Test
  void theKeyIsHashTaggedByUserAndExpiresWithinTheWindow() {
    buckets.take(subject, THREE_PER_TWO_SECONDS);
    String key = "rl:{" + subject + "}:calculate";
    assertEquals(
        key,
        RedisTokenBuckets.key(subject, THREE_PER_TWO_SECONDS),
        "expected the documented key layout");
    assertTrue(client.exists(key), "expected the bucket stored at " + key);
    long ttl = client.pttl(key);
    assertTrue(
        ttl > 0 && ttl <= 2000,
        "expected a TTL above 0 and no longer than the 2 s window, not " + ttl + " ms");
  }

  @Test
  void anIdleBucketGoesAwayOnItsOwn() {
    RateLimitPolicy onePerSecond = new RateLimitPolicy("download", 1, Duration.ofSeconds(1));
    buckets.take(subject, onePerSecond);
    String key = RedisTokenBuckets.key(subject, onePerSecond);
    assertFalse(
        Await.value(() -> client.exists(key), exists -> !exists, Duration.ofMillis(2500)),
        "expected the key of an idle bucket to expire");
    assertTrue(
        buckets.take(subject, onePerSecond).allowed(), "expected a full bucket after it expired");
  }

  @Test
  void subjectsDoNotShareABucket() {
    drain(buckets, subject, THREE_PER_MINUTE);
    for (int i = 1; i <= 3; i++) {
      assertTrue(
          buckets.take(subject + "-other", THREE_PER_MINUTE).allowed(),
          "expected take " + i + " of another subject allowed");
    }
    assertFalse(
        buckets.take(subject, THREE_PER_MINUTE).allowed(),
        "expected the first subject still refused");
  }

  @Test
  void policiesDoNotShareABucket() {
    drain(buckets, subject, THREE_PER_MINUTE);
    RateLimitPolicy status = new RateLimitPolicy("status", 2, Duration.ofSeconds(60));
    assertTrue(buckets.take(subject, status).allowed(), "expected the status bucket untouched");
  }

  @Test
  void twoReplicasShareOneBucket(RedisDeployment redis) {
    try (UnifiedJedis otherClient = redis.client(TIMEOUT)) {
      RedisTokenBuckets replicaA = buckets;
      RedisTokenBuckets replicaB = new RedisTokenBuckets(otherClient);
      assertEquals(
          OptionalLong.of(2),
          replicaA.take(subject, THREE_PER_MINUTE).remaining(),
          "expected 2 left after replica A's take");
      assertEquals(
          OptionalLong.of(1),
          replicaB.take(subject, THREE_PER_MINUTE).remaining(),
          "expected 1 left after replica B's take: the same bucket");
      assertEquals(
          OptionalLong.of(0),
          replicaA.take(subject, THREE_PER_MINUTE).remaining(),
          "expected 0 left after replica A's second take");
      assertFalse(
          replicaB.take(subject, THREE_PER_MINUTE).allowed(),
          "expected replica B to refuse the 4th take");
      assertFalse(
          replicaA.take(subject, THREE_PER_MINUTE).allowed(), "expected replica A to refuse too");
    }
  }

  @Test
  void concurrentTakesNeverExceedTheLimit() throws Exception {
    RateLimitPolicy ten = new RateLimitPolicy("calculate", 10, Duration.ofSeconds(60));
    int threads = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return buckets.take(subject, ten).allowed();
                }));
      }
      start.countDown();
      int allowed = 0;
      for (Future<Boolean> result : results) {
        if (result.get(30, TimeUnit.SECONDS)) {
          allowed++;
        }
      }
      assertEquals(10, allowed, "expected exactly 10 of 40 concurrent takes allowed");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theScriptIsLoadedAgainAfterAFlush() {
    assertEquals(
        OptionalLong.of(2),
        buckets.take(subject, THREE_PER_MINUTE).remaining(),
        "expected 2 left after the first take");
    client.scriptFlush();
    RateLimitDecision afterFlush = buckets.take(subject, THREE_PER_MINUTE);
    assertTrue(afterFlush.allowed(), "expected the take after SCRIPT FLUSH to work");
    assertEquals(
        OptionalLong.of(1),
        afterFlush.remaining(),
        "expected the same bucket counted on after the reload");
    assertEquals(
        OptionalLong.of(0),
        buckets.take(subject, THREE_PER_MINUTE).remaining(),
        "expected the reloaded script used from then on");
  }

  @Test
  @RedisServer
  void aDeadRedisFailsFastAndTheSameInstanceRecoversAfterARestart(RedisProcess own) {
    try (UnifiedJedis fast = own.client(Duration.ofMillis(50))) {
      RedisTokenBuckets ownBuckets = new RedisTokenBuckets(fast);
      assertTrue(
          ownBuckets.take(subject, THREE_PER_MINUTE).allowed(), "expected a take while Redis runs");
      own.stop();
      assertTimeoutPreemptively(
          Duration.ofSeconds(10),
          () -> {
            assertThrows(
                JedisConnectionException.class,
                () -> ownBuckets.take(subject, THREE_PER_MINUTE),
                "expected a connection failure from a stopped Redis");
            assertThrows(
                JedisConnectionException.class,
                () -> ownBuckets.take(subject, THREE_PER_MINUTE),
                "expected a connection failure on every take while Redis is down");
          },
          "expected a stopped Redis to fail the take, not hang it");
      own.restart();
      RateLimitDecision recovered = ownBuckets.take(subject, THREE_PER_MINUTE);
      assertTrue(recovered.allowed(), "expected the same instance to work after the restart");
      assertEquals(
          OptionalLong.of(2),
          recovered.remaining(),
          "expected a new, full bucket: the restarted Redis kept nothing");
    }
  }

  @Test
  @RedisServer
  void aNewClientWorksAtOnceAfterARestart(RedisProcess own) {
    try (UnifiedJedis before = own.client(Duration.ofMillis(50))) {
      drain(new RedisTokenBuckets(before), subject, THREE_PER_MINUTE);
    }
    own.stop();
    own.restart();
    try (UnifiedJedis after = own.client(Duration.ofMillis(50))) {
      RateLimitDecision decision = new RedisTokenBuckets(after).take(subject, THREE_PER_MINUTE);
      assertTrue(decision.allowed(), "expected a new client to work after the restart");
      assertEquals(
          OptionalLong.of(2),
          decision.remaining(),
          "expected a full bucket: the restarted Redis kept nothing");
    }
  }

  private static void drain(RedisTokenBuckets target, String subject, RateLimitPolicy policy) {
    for (int i = 1; i <= policy.limit(); i++) {
      assertTrue(target.take(subject, policy).allowed(), "expected take " + i + " allowed");
    }
    assertFalse(target.take(subject, policy).allowed(), "expected the drained bucket to refuse");
  }
}
