package io.oteldemo.tracedemo;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The delay of {@code GET /slow}: uniformly random from {@link #SHORTEST} to {@link #LONGEST} (the
 * range otel-ui expects), both included, in whole milliseconds.
 */
final class RandomDelay {

  static final Duration SHORTEST = Duration.ofMillis(500);
  static final Duration LONGEST = Duration.ofMillis(2000);

  private final RandomGenerator random;

  RandomDelay(RandomGenerator random) {
    this.random = random;
  }

  Duration next() {
    return Duration.ofMillis(random.nextLong(SHORTEST.toMillis(), LONGEST.toMillis() + 1));
  }

  /** The delay as the answer and the span give it: seconds, to the millisecond. */
  static double seconds(Duration delay) {
    return delay.toMillis() / 1000.0;
  }
}
