package io.oteldemo.ratelimit;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A circuit breaker for the Redis bucket calls, light enough for every request: after {@code
 * failures} of the last {@code window} calls failed, Redis is left alone for {@code delay} (calls
 * fail at once and the outage policy answers); then calls go through again on trial, and the first
 * success closes it, a failure opens it again. It behaves as MicroProfile Fault Tolerance's
 * {@code @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5000,
 * successThreshold = 1)} did here, without an interceptor on the hot path.
 */
final class RedisBreaker {

  static final int WINDOW = 4;
  static final int FAILURES_TO_OPEN = 3;
  static final Duration DELAY = Duration.ofSeconds(5);

  private final LongSupplier nanoTime;
  private final long delayNanos;

  /** The outcomes of the last {@link #WINDOW} calls while closed; true is a failure. */
  private final boolean[] recent = new boolean[WINDOW];

  private int recorded;
  private int next;
  private boolean open;
  private boolean trial;
  private long openedAt;

  RedisBreaker(LongSupplier nanoTime, Duration delay) {
    this.nanoTime = nanoTime;
    this.delayNanos = delay.toNanos();
  }

  /** Throws {@link OpenException} while open; after the delay, lets calls through on trial. */
  synchronized void check() {
    if (open) {
      if (nanoTime.getAsLong() - openedAt < delayNanos) {
        throw new OpenException();
      }
      open = false;
      trial = true;
    }
  }

  synchronized void succeeded() {
    if (trial) {
      trial = false;
      recorded = 0;
      next = 0;
      return;
    }
    record(false);
    openIfTooManyFailed();
  }

  synchronized void failed() {
    if (trial) {
      trial = false;
      openNow();
      return;
    }
    record(true);
    openIfTooManyFailed();
  }

  /** After each call, as the specification's rolling window: a full window at the ratio opens. */
  private void openIfTooManyFailed() {
    if (recorded == WINDOW && failuresInWindow() >= FAILURES_TO_OPEN) {
      openNow();
    }
  }

  synchronized boolean isOpen() {
    return open;
  }

  private void record(boolean failure) {
    recent[next] = failure;
    next = (next + 1) % WINDOW;
    recorded = Math.min(WINDOW, recorded + 1);
  }

  private int failuresInWindow() {
    int failures = 0;
    for (int i = 0; i < recorded; i++) {
      failures += recent[i] ? 1 : 0;
    }
    return failures;
  }

  private void openNow() {
    open = true;
    openedAt = nanoTime.getAsLong();
    recorded = 0;
    next = 0;
  }

  /** A call refused while the breaker is open; no stack trace, it is an expected answer. */
  static final class OpenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OpenException() {
      super("Redis circuit breaker is open", null, false, false);
    }
  }
}
