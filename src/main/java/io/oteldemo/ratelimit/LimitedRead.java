package io.oteldemo.ratelimit;

import java.util.Map;
import java.util.Optional;

/**
 * A rate-limit decision and, when one was asked for and the request is allowed, the fields of the
 * hash read along with it in the same Redis round trip (empty map: the hash does not exist).
 */
record LimitedRead(RateLimitDecision decision, Optional<Map<String, String>> readAlong) {

  static LimitedRead only(RateLimitDecision decision) {
    return new LimitedRead(decision, Optional.empty());
  }
}
