package io.oteldemo.ratelimit;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A named limit: {@code limit} requests per {@code window}, e.g. "calculate" 10 per minute. */
public record RateLimitPolicy(String name, int limit, Duration window) {

  private static final Pattern SETTING =
      Pattern.compile("(?<limit>\\d{1,9})(/(?<seconds>\\d{1,7})s)?");

  public RateLimitPolicy {
    if (limit < 1 || window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("A rate limit needs a limit and a window above zero");
    }
  }

  /** Parses {@code N} (per minute) or {@code N/Ws} (per W seconds). */
  public static RateLimitPolicy parse(String name, String setting, String variable) {
    Matcher matcher = SETTING.matcher(setting == null ? "" : setting.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          variable
              + " must be N (per minute) or N/Ws (per W"
              + " seconds), e.g. 10 or 10/60s, not '"
              + setting
              + "'");
    }
    int limit = Integer.parseInt(matcher.group("limit"));
    long seconds = matcher.group("seconds") == null ? 60 : Long.parseLong(matcher.group("seconds"));
    if (limit < 1 || seconds < 1) {
      throw new IllegalArgumentException(
          variable
              + " must allow at least 1 request in at least"
              + " 1 second, not '"
              + setting
              + "'");
    }
    return new RateLimitPolicy(name, limit, Duration.ofSeconds(seconds));
  }

  public long windowSeconds() {
    return window.toSeconds();
  }
}
