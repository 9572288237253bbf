package io.oteldemo.testing;

import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting for what a test cannot move by hand, such as Redis expiring keys by its own clock. */
public final class Await {

  private Await() {}

  /** Polls for up to 5 s, failing with the message: expiry is checked without long fixed sleeps. */
  public static void until(BooleanSupplier condition, String message) {
    Instant deadline = Instant.now().plusSeconds(5);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(message);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
