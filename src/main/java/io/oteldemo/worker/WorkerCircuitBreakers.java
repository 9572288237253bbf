package io.oteldemo.worker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * When each circuit breaker around the worker (its gRPC calls, its HTTP downloads) last saw a
 * failure it counts, so that an open breaker's answer can say how long it stays open. A breaker
 * opens on a counted failure and lets no call through while open, so its last counted failure is
 * when it opened: the remaining open time is its delay (Fault Tolerance's own properties, see
 * {@link WorkerSettings}) minus the time since.
 */
@ApplicationScoped
public class WorkerCircuitBreakers {

  /** A breaker: a method with {@code @CircuitBreaker} of a bean that talks to the worker. */
  private record Breaker(Class<?> type, String method) {}

  private final Map<Breaker, Instant> lastFailure = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Function<String, Optional<String>> config;

  /** For CDI's proxy only. */
  protected WorkerCircuitBreakers() {
    this(Clock.systemUTC(), key -> Optional.empty());
  }

  @Inject
  public WorkerCircuitBreakers(WorkerSettings settings) {
    this(Clock.systemUTC(), settings.faultTolerance());
  }

  WorkerCircuitBreakers(Clock clock, Function<String, Optional<String>> config) {
    this.clock = clock;
    this.config = config;
  }

  /** A failure that the breaker of {@code method} of {@code type} counts. */
  public void failed(Class<?> type, String method) {
    lastFailure.put(new Breaker(type, method), clock.instant());
  }

  /**
   * Seconds until a worker breaker that is open lets a trial call through, at least 1. An open
   * breaker does not say whose it is, so this is the longest remaining time of the worker's
   * breakers.
   */
  public long retryAfterSeconds() {
    Instant now = clock.instant();
    long seconds = 1;
    for (Map.Entry<Breaker, Instant> failure : lastFailure.entrySet()) {
      Optional<Duration> delay = delay(failure.getKey().type(), failure.getKey().method());
      if (delay.isPresent()) {
        seconds =
            Math.max(
                seconds, retryAfterSeconds(delay.get(), Duration.between(failure.getValue(), now)));
      }
    }
    return seconds;
  }

  /** The remaining open time, rounded up to whole seconds, at least 1. */
  static long retryAfterSeconds(Duration delay, Duration sinceOpened) {
    Duration remaining = delay.minus(sinceOpened);
    long seconds = remaining.toSeconds() + (remaining.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }

  /** The breaker's delay: the configured one, or the annotation's. */
  Optional<Duration> delay(Class<?> type, String methodName) {
    for (Method method : type.getDeclaredMethods()) {
      CircuitBreaker breaker = method.getAnnotation(CircuitBreaker.class);
      if (breaker != null && method.getName().equals(methodName)) {
        return Optional.of(
            FaultToleranceSetting.duration(
                config,
                method,
                CircuitBreaker.class,
                "delay",
                breaker.delay(),
                "delayUnit",
                breaker.delayUnit()));
      }
    }
    return Optional.empty();
  }
}
