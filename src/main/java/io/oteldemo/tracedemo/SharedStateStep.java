package io.oteldemo.tracedemo;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.oteldemo.redis.RedisCommands;
import io.oteldemo.redis.RedisConnection;
import io.oteldemo.redis.SharedStateUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;

/**
 * A round trip to the shared state: {@code PING} on the application's one Redis connection (a
 * failure is counted in {@code distance.redis.errors} as every Redis command's is). Without {@code
 * REDIS_URL} the state is kept in this process and there is nothing to call: the step is then named
 * {@value #IN_PROCESS} and says so.
 */
@ApplicationScoped
class SharedStateStep implements ChainStep {

  static final String REDIS = "redis_ping";
  static final String IN_PROCESS = "in_process_state";
  static final String OPERATION = "ping for the chain demonstration";
  static final String NO_REDIS =
      "REDIS_URL is not set: the shared state is kept in this process, no Redis round trip";

  static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system.name");
  static final AttributeKey<String> DB_OPERATION = AttributeKey.stringKey("db.operation.name");
  static final AttributeKey<String> SHARED_STATE = AttributeKey.stringKey("shared_state");

  @Inject RedisConnection connection;

  /** The Redis client, or empty when the state is kept in process. */
  private Supplier<Optional<UnifiedJedis>> client = () -> connection.client();

  SharedStateStep() {}

  SharedStateStep(Optional<UnifiedJedis> client) {
    this.client = () -> client;
  }

  @Override
  public String name() {
    return client().isPresent() ? REDIS : IN_PROCESS;
  }

  @Override
  public StepResult run(Span span) {
    Optional<UnifiedJedis> client = client();
    if (client.isEmpty()) {
      span.setAttribute(SHARED_STATE, "in_process");
      return StepResult.ok(IN_PROCESS, NO_REDIS);
    }
    span.setAttribute(SHARED_STATE, "redis");
    span.setAttribute(DB_SYSTEM, "redis");
    span.setAttribute(DB_OPERATION, "PING");
    try {
      return StepResult.ok(REDIS, RedisCommands.run(OPERATION, () -> client.get().ping()));
    } catch (SharedStateUnavailableException e) {
      span.recordException(e);
      return StepResult.failed(REDIS, "Redis did not answer");
    }
  }

  private Optional<UnifiedJedis> client() {
    return client.get();
  }
}
