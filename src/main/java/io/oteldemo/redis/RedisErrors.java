package io.oteldemo.redis;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * {@code distance.redis.errors}: Redis commands that failed, by {@code operation}, the fixed phrase
 * each caller names its commands with ("find a job", "take a rate-limit token", …). A breaker's
 * refusal sent no command, so it is not an error of Redis. {@link RedisCommands} is called
 * statically from every store, so it reports to this bean through a hook set at start.
 */
@ApplicationScoped
public class RedisErrors {

  static final String ERRORS = "distance.redis.errors";
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("operation");

  /** One attribute set per operation: a handful of fixed phrases, built once each. */
  private final Map<String, Attributes> attributes = new ConcurrentHashMap<>();

  @Inject OpenTelemetry openTelemetry;

  private LongCounter errors;

  public RedisErrors() {}

  RedisErrors(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
    init();
  }

  @PostConstruct
  void init() {
    errors =
        openTelemetry
            .getMeter("io.oteldemo")
            .counterBuilder(ERRORS)
            .setUnit("{error}")
            .setDescription("Redis commands that failed (timeout, connection, error reply)")
            .build();
    RedisCommands.reportErrorsTo(this::failed);
  }

  void hookAtStartup(@Observes Startup startup) {
    // Observing the event is enough to have the container construct this bean.
  }

  /** A failed command of {@code operation}; a circuit breaker's refusal is not counted. */
  public void failed(String operation, RuntimeException failure) {
    if (failure instanceof CircuitBreakerOpenException) {
      return;
    }
    errors.add(1, attributes.computeIfAbsent(operation, name -> Attributes.of(OPERATION, name)));
  }
}
