package io.oteldemo.ratelimit;

import java.util.Locale;

/**
 * What a request gets when Redis cannot decide: let through (open) or refused with 503 (closed).
 */
public enum FailMode {
  OPEN,
  CLOSED;

  static FailMode parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "RATE_LIMIT_FAIL_MODE must be open or closed, not '" + value + "'");
    }
  }
}
