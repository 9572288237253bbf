package io.oteldemo.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RateLimitPolicyTest {

  private static final String VARIABLE = "RATE_LIMIT_CALCULATE";

  @Test
  void aBareNumberIsPerMinute() {
    RateLimitPolicy policy = RateLimitPolicy.parse("calculate", "10", VARIABLE);
    assertEquals(
        new RateLimitPolicy("calculate", 10, Duration.ofSeconds(60)),
        policy,
        "expected \"10\" to mean 10 requests per 60 s");
    assertEquals(60, policy.windowSeconds(), "expected a window of 60 s");
  }

  @Test
  void aNumberWithSecondsIsPerThatWindow() {
    RateLimitPolicy policy = RateLimitPolicy.parse("download", "5/2s", VARIABLE);
    assertEquals("download", policy.name(), "expected the name to be kept");
    assertEquals(5, policy.limit(), "expected a limit of 5");
    assertEquals(Duration.ofSeconds(2), policy.window(), "expected a window of 2 s");
    assertEquals(2, policy.windowSeconds(), "expected windowSeconds 2");
  }

  @Test
  void surroundingBlanksAreIgnored() {
    RateLimitPolicy policy = RateLimitPolicy.parse("status", " 7/30s ", VARIABLE);
    assertEquals(
        new RateLimitPolicy("status", 7, Duration.ofSeconds(30)),
        policy,
        "expected \" 7/30s \" to mean 7 requests per 30 s");
    assertEquals(30, policy.windowSeconds(), "expected windowSeconds 30");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "", "   ", "abc", "10/", "10/0s", "0", "0/10s", "10/5m", "-1", "10/2", "10 / 2s", "1.5",
        "10/-2s", "/2s"
      })
  void unusableSettingsAreRefusedNamingTheVariable(String setting) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RateLimitPolicy.parse("calculate", setting, VARIABLE),
            "expected '" + setting + "' to be refused");
    assertTrue(
        e.getMessage().contains(VARIABLE),
        "expected the message to name " + VARIABLE + ": " + e.getMessage());
  }

  @Test
  void aPolicyWithoutALimitOrWindowCannotBeBuilt() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new RateLimitPolicy("calculate", 0, Duration.ofSeconds(1)),
        "expected a limit of 0 to be refused");
    assertThrows(
        IllegalArgumentException.class,
        () -> new RateLimitPolicy("calculate", 1, Duration.ZERO),
        "expected a zero window to be refused");
    assertThrows(
        IllegalArgumentException.class,
        () -> new RateLimitPolicy("calculate", 1, Duration.ofSeconds(-1)),
        "expected a negative window to be refused");
  }

  @Test
  void windowSecondsOfAWindowLongerThanAMinute() {
    assertEquals(
        90, new RateLimitPolicy("x", 1, Duration.ofSeconds(90)).windowSeconds(), "expected 90 s");
  }
}
