package io.oteldemo.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting for what a test cannot move by hand (Redis expiring keys by its own clock, a server
 * starting, a job finishing, a metric arriving): poll, and stop as soon as the condition holds.
 */
public final class Await {

  private static final Duration EVERY = Duration.ofMillis(50);

  private Await() {}

  /** Polls for up to 5 s, failing with the message. */
  public static void until(BooleanSupplier condition, String message) {
    until(condition, Duration.ofSeconds(5), message);
  }

  /** Polls for up to {@code within}, failing with the message. */
  public static void until(BooleanSupplier condition, Duration within, String message) {
    if (!value(condition::getAsBoolean, Boolean::booleanValue, within)) {
      throw new AssertionError(message + " (not within " + within + ")");
    }
  }

  /**
   * Reads until a value satisfies {@code expected} or {@code within} has passed: the first value
   * that does, else the last one read (so that the caller's assertion shows it).
   */
  public static <T> T value(Supplier<T> read, Predicate<? super T> expected, Duration within) {
    Instant deadline = Instant.now().plus(within);
    T value = read.get();
    while (!expected.test(value) && Instant.now().isBefore(deadline)) {
      pause(EVERY);
      value = read.get();
    }
    return value;
  }

  /** Lets time pass where that is the point, e.g. a circuit breaker's delay. */
  public static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
