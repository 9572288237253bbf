package io.oteldemo.tracedemo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The delay of {@code /slow} stays within the 0.5 to 2.0 s otel-ui expects, both ends included. */
class RandomDelayTest {

  @Test
  void theLowestAndHighestDrawAreTheEndsOfTheRange() {
    assertEquals(Duration.ofMillis(500), new RandomDelay(drawing(Edge.LOWEST)).next());
    assertEquals(Duration.ofMillis(2000), new RandomDelay(drawing(Edge.HIGHEST)).next());
  }

  @Test
  void everyDrawIsWithinTheRange() {
    RandomDelay delays = new RandomDelay(new Random(20));
    for (int i = 0; i < 10_000; i++) {
      Duration delay = delays.next();
      assertTrue(
          delay.compareTo(RandomDelay.SHORTEST) >= 0 && delay.compareTo(RandomDelay.LONGEST) <= 0,
          () -> "within 0.5 to 2.0 s: " + delay);
    }
  }

  @Test
  void theDelayIsGivenInSecondsToTheMillisecond() {
    assertEquals(1.234, RandomDelay.seconds(Duration.ofMillis(1234)));
    assertEquals(0.5, RandomDelay.seconds(Duration.ofMillis(500)));
  }

  private enum Edge {
    LOWEST,
    HIGHEST
  }

  /** A generator whose bounded draws land on one end: the origin, or the bound's predecessor. */
  private static RandomGenerator drawing(Edge edge) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        throw new UnsupportedOperationException("only bounded draws are expected");
      }

      @Override
      public long nextLong(long origin, long bound) {
        return edge == Edge.LOWEST ? origin : bound - 1;
      }
    };
  }
}
