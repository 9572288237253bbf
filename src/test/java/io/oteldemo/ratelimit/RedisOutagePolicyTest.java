package io.oteldemo.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import io.oteldemo.testing.CapturedLog;
import io.oteldemo.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.exceptions.JedisConnectionException;

class RedisOutagePolicyTest {

  private static final RateLimitPolicy CALCULATE =
      new RateLimitPolicy("calculate", 10, Duration.ofSeconds(60));
  private static final RuntimeException FAILURE =
      new JedisConnectionException("Failed to connect to redis://gateway:s3cret@127.0.0.1:6379/0");

  @RegisterExtension final CapturedLog log = new CapturedLog(RedisOutagePolicy.class);
  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

  @Test
  void failingOpenLetsThroughUndecidedAndCounts() {
    RedisOutagePolicy policy = new RedisOutagePolicy(FailMode.OPEN, clock);
    assertEquals(FailMode.OPEN, policy.mode(), "expected the mode it was given");
    assertEquals(0, policy.undecidedCount(), "expected no undecided requests yet");
    RateLimitDecision decision = policy.decide(CALCULATE, FAILURE);
    assertTrue(decision.allowed(), "expected the request let through when failing open");
    assertTrue(decision.remaining().isEmpty(), "expected an undecided decision (no remaining)");
    assertEquals(CALCULATE, decision.policy(), "expected the policy of the request");
    policy.decide(CALCULATE, FAILURE);
    assertEquals(2, policy.undecidedCount(), "expected 2 undecided requests counted");
  }

  @Test
  void failingClosedRefusesWith503AndARetryAfterOfFiveSeconds() {
    RedisOutagePolicy policy = new RedisOutagePolicy(FailMode.CLOSED, clock);
    ApiException e =
        assertThrows(
            ApiException.class,
            () -> policy.decide(CALCULATE, FAILURE),
            "expected the request refused when failing closed");
    assertEquals(ErrorCode.SERVICE_UNAVAILABLE, e.code(), "expected SERVICE_UNAVAILABLE");
    assertEquals(503, e.code().status(), "expected HTTP 503");
    assertEquals(OptionalLong.of(5), e.retryAfterSeconds(), "expected a retry-after of 5 s");
    assertFalse(
        e.getMessage().contains("s3cret"),
        "expected no detail of the failure in the answer: " + e.getMessage());
    assertEquals(1, policy.undecidedCount(), "expected the refused request counted too");
  }

  @Test
  void logsAtMostOncePerInterval() {
    RedisOutagePolicy policy = new RedisOutagePolicy(FailMode.OPEN, clock);
    for (int i = 0; i < 100; i++) {
      policy.decide(CALCULATE, FAILURE);
    }
    assertEquals(1, warnings(), "expected one warning for 100 failures at one instant");
    clock.advance(Duration.ofSeconds(30));
    policy.decide(CALCULATE, FAILURE);
    assertEquals(1, warnings(), "expected no second warning within the minute");
    clock.advance(Duration.ofSeconds(31));
    for (int i = 0; i < 100; i++) {
      policy.decide(CALCULATE, FAILURE);
    }
    assertEquals(2, warnings(), "expected a second warning once 61 s had passed");
    assertEquals(201, policy.undecidedCount(), "expected every failure counted");
  }

  @Test
  void failingClosedLogsAtMostOncePerIntervalToo() {
    RedisOutagePolicy policy = new RedisOutagePolicy(FailMode.CLOSED, clock);
    for (int i = 0; i < 100; i++) {
      assertThrows(ApiException.class, () -> policy.decide(CALCULATE, FAILURE));
    }
    assertEquals(1, warnings(), "expected one warning for 100 refusals at one instant");
    clock.advance(Duration.ofSeconds(61));
    assertThrows(ApiException.class, () -> policy.decide(CALCULATE, FAILURE));
    assertEquals(2, warnings(), "expected a second warning after 61 s");
  }

  @Test
  void theWarningNamesTheModeAndTheCountButNoUrl() {
    RedisOutagePolicy policy = new RedisOutagePolicy(FailMode.OPEN, clock);
    policy.decide(CALCULATE, FAILURE);
    policy.decide(CALCULATE, FAILURE);
    clock.advance(Duration.ofSeconds(61));
    policy.decide(CALCULATE, FAILURE);
    assertEquals(2, warnings(), "expected two warnings");
    String first = message(log.records().get(0));
    String second = message(log.records().get(1));
    for (String message : List.of(first, second)) {
      assertFalse(message.contains("redis://"), "expected no Redis URL logged: " + message);
      assertFalse(message.contains("s3cret"), "expected no password logged: " + message);
      assertTrue(message.contains("open"), "expected the fail mode named: " + message);
      assertTrue(
          message.contains("JedisConnectionException"),
          "expected the kind of failure named: " + message);
    }
    assertTrue(first.contains(" 1 request"), "expected the first warning to count 1: " + first);
    assertTrue(second.contains(" 3 request"), "expected the second warning to count 3: " + second);
  }

  @Test
  void reportNamesTheModeAndTheCount() {
    RedisOutagePolicy policy = new RedisOutagePolicy(FailMode.CLOSED, clock);
    assertThrows(ApiException.class, () -> policy.decide(CALCULATE, FAILURE));
    assertEquals(
        java.util.Map.of("fail_mode", "closed", "undecided_requests", 1L),
        policy.report(),
        "expected the mode in lower case and one undecided request");
  }

  private long warnings() {
    return log.records().stream().filter(record -> record.getLevel() == Level.WARNING).count();
  }

  private static String message(LogRecord record) {
    return new java.util.logging.SimpleFormatter().formatMessage(record);
  }
}
