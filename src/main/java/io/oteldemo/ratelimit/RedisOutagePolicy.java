package io.oteldemo.ratelimit;

import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import io.oteldemo.telemetry.TraceIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Decides for Redis when it cannot: fail open (let the request through, undecided) or closed (503),
 * logging at most once per interval and counting every such request.
 */
public final class RedisOutagePolicy {

  private static final Logger LOG = Logger.getLogger(RedisOutagePolicy.class.getName());
  static final Duration LOG_INTERVAL = Duration.ofMinutes(1);
  static final long CLOSED_RETRY_AFTER_SECONDS = 5;

  private final FailMode mode;
  private final Clock clock;
  private final AtomicLong undecided = new AtomicLong();
  private final AtomicReference<Instant> lastLogged = new AtomicReference<>(Instant.MIN);

  public RedisOutagePolicy(FailMode mode, Clock clock) {
    this.mode = mode;
    this.clock = clock;
  }

  public RateLimitDecision decide(RateLimitPolicy policy, RuntimeException failure) {
    long count = undecided.incrementAndGet();
    logNowAndThen(failure, count);
    if (mode == FailMode.CLOSED) {
      throw new ApiException(
          ErrorCode.SERVICE_UNAVAILABLE,
          "Rate limiting is unavailable; try" + " again shortly",
          null,
          OptionalLong.of(CLOSED_RETRY_AFTER_SECONDS));
    }
    return RateLimitDecision.undecided(policy);
  }

  /** Requests decided without Redis since start. */
  public long undecidedCount() {
    return undecided.get();
  }

  public FailMode mode() {
    return mode;
  }

  private void logNowAndThen(RuntimeException failure, long count) {
    Instant now = clock.instant();
    Instant last = lastLogged.get();
    if (now.isAfter(last.plus(LOG_INTERVAL)) && lastLogged.compareAndSet(last, now)) {
      LOG.warning(
          () ->
              "Redis cannot decide rate limits ("
                  + failure.getClass().getSimpleName()
                  + "); failing "
                  + mode.name().toLowerCase(java.util.Locale.ROOT)
                  + ", "
                  + count
                  + " request(s) so far "
                  + TraceIds.logTag());
    }
  }

  Map<String, Object> report() {
    return Map.of(
        "fail_mode",
        mode.name().toLowerCase(java.util.Locale.ROOT),
        "undecided_requests",
        undecided.get());
  }
}
