package io.oteldemo.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one test clock: UTC, moved forward by hand, safe to read from several threads. A ticking
 * clock also moves itself a fixed step after every reading, for code that needs every instant it
 * reads to be distinct.
 */
public final class MutableClock extends Clock {

  private final Duration tick;
  private Instant now;

  public MutableClock(Instant start) {
    this(start, Duration.ZERO);
  }

  private MutableClock(Instant start, Duration tick) {
    this.now = start;
    this.tick = tick;
  }

  /** A clock that answers {@code start}, then one {@code step} later on every further reading. */
  public static MutableClock ticking(Instant start, Duration step) {
    return new MutableClock(start, step);
  }

  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public synchronized Instant instant() {
    Instant read = now;
    now = now.plus(tick);
    return read;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the test clock is UTC only");
  }
}
