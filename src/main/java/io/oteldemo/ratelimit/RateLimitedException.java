package io.oteldemo.ratelimit;

import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/** 429: the user's bucket for this route class is empty. */
public class RateLimitedException extends ApiException {

  private static final long serialVersionUID = 1L;

  RateLimitedException(RateLimitDecision decision) {
    super(
        ErrorCode.RATE_LIMITED,
        "Too many "
            + decision.policy().name()
            + " requests: at most "
            + decision.policy().limit()
            + " per "
            + decision.policy().windowSeconds()
            + " s",
        details(decision),
        OptionalLong.of(decision.retryAfterSeconds()),
        RateLimitFilter.headers(decision));
  }

  private static Map<String, Object> details(RateLimitDecision decision) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("policy", decision.policy().name());
    details.put("limit", decision.policy().limit());
    details.put("window_seconds", decision.policy().windowSeconds());
    details.put("retry_after_seconds", decision.retryAfterSeconds());
    return details;
  }
}
