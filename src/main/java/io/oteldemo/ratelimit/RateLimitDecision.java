package io.oteldemo.ratelimit;

import java.util.OptionalLong;

/**
 * One decision: whether the request may pass, how many requests remain, and when the quota is whole
 * again. Without a store to decide (Redis failing open) the quota is unknown.
 */
public record RateLimitDecision(
    RateLimitPolicy policy,
    boolean allowed,
    OptionalLong remaining,
    long resetSeconds,
    long retryAfterSeconds) {

  static RateLimitDecision of(
      RateLimitPolicy policy,
      boolean allowed,
      long remaining,
      long resetMillis,
      long retryAfterMillis) {
    return new RateLimitDecision(
        policy,
        allowed,
        OptionalLong.of(remaining),
        ceilSeconds(resetMillis),
        allowed ? 0 : Math.max(1, ceilSeconds(retryAfterMillis)));
  }

  /** Let through without a decision (Redis unavailable, failing open). */
  static RateLimitDecision undecided(RateLimitPolicy policy) {
    return new RateLimitDecision(policy, true, OptionalLong.empty(), 0, 0);
  }

  /** {@code RateLimit-Policy} (draft-ietf-httpapi-ratelimit-headers-10). */
  public String policyHeader() {
    return "\"" + policy.name() + "\";q=" + policy.limit() + ";w=" + policy.windowSeconds();
  }

  /** {@code RateLimit}, meaningful when the quota is known ({@link #remaining()} present). */
  public String limitHeader() {
    return "\"" + policy.name() + "\";r=" + remaining.orElse(0) + ";t=" + resetSeconds;
  }

  private static long ceilSeconds(long millis) {
    return (millis + 999) / 1000;
  }
}
