package io.oteldemo.worker;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * The {@code Retry-After} of a call refused by an open circuit breaker around the worker: the
 * breakers' configured delay, read once at start. {@code CircuitBreakerOpenException} names neither
 * its breaker nor the delay, so this is the longest delay of the application's
 * {@code @CircuitBreaker} methods (every one guards a call to the worker), as Fault Tolerance's
 * properties configure it.
 */
@ApplicationScoped
public class WorkerBreakerDelay {

  @Inject BeanManager beans;
  @Inject WorkerSettings settings;

  private long retryAfterSeconds;

  /** The delay of the breakers of {@code guarded}, as {@code config} configures them. */
  public static WorkerBreakerDelay of(
      Collection<Class<?>> guarded, Function<String, Optional<String>> config) {
    WorkerBreakerDelay delay = new WorkerBreakerDelay();
    delay.retryAfterSeconds = retryAfterSeconds(guarded, config);
    return delay;
  }

  @PostConstruct
  void init() {
    retryAfterSeconds =
        retryAfterSeconds(
            beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .<Class<?>>map(Bean::getBeanClass)
                .filter(type -> type.getName().startsWith("io.oteldemo."))
                .distinct()
                .toList(),
            settings.faultTolerance());
  }

  /** The longest breaker delay in whole seconds, rounded up, at least 1. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  private static long retryAfterSeconds(
      Collection<Class<?>> guarded, Function<String, Optional<String>> config) {
    Duration longest = Duration.ZERO;
    for (Class<?> type : guarded) {
      for (Method method : type.getDeclaredMethods()) {
        CircuitBreaker breaker = method.getAnnotation(CircuitBreaker.class);
        if (breaker != null) {
          Duration delay =
              FaultToleranceSetting.duration(
                  config,
                  method,
                  CircuitBreaker.class,
                  "delay",
                  breaker.delay(),
                  "delayUnit",
                  breaker.delayUnit());
          longest = delay.compareTo(longest) > 0 ? delay : longest;
        }
      }
    }
    long seconds = longest.toSeconds() + (longest.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
