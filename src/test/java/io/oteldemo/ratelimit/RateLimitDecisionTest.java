package io.oteldemo.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RateLimitDecisionTest {

  private static final RateLimitPolicy CALCULATE =
      new RateLimitPolicy("calculate", 10, Duration.ofSeconds(60));

  @Test
  void policyHeaderNamesQuotaAndWindow() {
    RateLimitDecision decision = RateLimitDecision.of(CALCULATE, true, 9, 6000, 0);
    assertEquals(
        "\"calculate\";q=10;w=60",
        decision.policyHeader(),
        "expected the RateLimit-Policy field of 10 per 60 s");
  }

  @Test
  void limitHeaderRoundsTheResetUpToWholeSeconds() {
    RateLimitDecision decision = RateLimitDecision.of(CALCULATE, true, 7, 11001, 0);
    assertEquals(
        "\"calculate\";r=7;t=12",
        decision.limitHeader(),
        "expected 7 remaining and 11001 ms rounded up to 12 s");
    assertEquals(OptionalLong.of(7), decision.remaining(), "expected 7 remaining");
    assertEquals(12, decision.resetSeconds(), "expected a reset of 12 s");
  }

  @Test
  void wholeSecondsAreNotRoundedFurther() {
    assertEquals(
        12,
        RateLimitDecision.of(CALCULATE, true, 7, 12000, 0).resetSeconds(),
        "expected 12000 ms to be 12 s");
    assertEquals(
        0,
        RateLimitDecision.of(CALCULATE, true, 10, 0, 0).resetSeconds(),
        "expected 0 ms to be 0 s");
    assertEquals(
        1,
        RateLimitDecision.of(CALCULATE, true, 9, 1, 0).resetSeconds(),
        "expected 1 ms to round up to 1 s");
  }

  @Test
  void allowedDecisionsHaveNoRetryAfter() {
    RateLimitDecision decision = RateLimitDecision.of(CALCULATE, true, 3, 4000, 2500);
    assertTrue(decision.allowed(), "expected an allowed decision");
    assertEquals(0, decision.retryAfterSeconds(), "expected no retry-after when allowed");
  }

  @Test
  void refusedDecisionsWaitAtLeastOneSecond() {
    RateLimitDecision immediate = RateLimitDecision.of(CALCULATE, false, 0, 60000, 0);
    assertFalse(immediate.allowed(), "expected a refused decision");
    assertEquals(
        1,
        immediate.retryAfterSeconds(),
        "expected a retry-after of at least 1 s even when the store says 0 ms");
    assertEquals(
        1,
        RateLimitDecision.of(CALCULATE, false, 0, 60000, 1).retryAfterSeconds(),
        "expected 1 ms to round up to 1 s");
    assertEquals(
        6,
        RateLimitDecision.of(CALCULATE, false, 0, 60000, 5001).retryAfterSeconds(),
        "expected 5001 ms to round up to 6 s");
  }

  @Test
  void undecidedHasNoRemainingAndIsLetThrough() {
    RateLimitDecision decision = RateLimitDecision.undecided(CALCULATE);
    assertTrue(decision.allowed(), "expected an undecided request to be let through");
    assertTrue(decision.remaining().isEmpty(), "expected no known remaining quota");
    assertTrue(decision.remaining().isEmpty(), "expected no known remaining quota");
    assertEquals(0, decision.retryAfterSeconds(), "expected no retry-after");
    assertEquals(
        "\"calculate\";q=10;w=60",
        decision.policyHeader(),
        "expected the policy to be announced even when undecided");
  }

  @Test
  void filterHeadersOmitRateLimitWhenUndecided() {
    assertEquals(
        java.util.Map.of("RateLimit-Policy", "\"calculate\";q=10;w=60"),
        RateLimitFilter.headers(RateLimitDecision.undecided(CALCULATE)),
        "expected only RateLimit-Policy without a known quota");
    assertEquals(
        java.util.Map.of(
            "RateLimit-Policy", "\"calculate\";q=10;w=60", "RateLimit", "\"calculate\";r=7;t=12"),
        RateLimitFilter.headers(RateLimitDecision.of(CALCULATE, true, 7, 11001, 0)),
        "expected both fields with a known quota");
  }
}
