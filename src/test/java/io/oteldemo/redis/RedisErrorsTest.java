package io.oteldemo.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/** Failed Redis commands are counted by operation; a breaker's refusal is not a Redis error. */
class RedisErrorsTest {

  private final InMemoryMetricReader reader = InMemoryMetricReader.create();
  private final RedisErrors errors =
      new RedisErrors(
          OpenTelemetrySdk.builder()
              .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build())
              .build());

  @AfterEach
  void unhook() {
    RedisCommands.reportErrorsTo((operation, e) -> {});
  }

  @Test
  void everyCommandThatFailsForGoodIsCountedOnceUnderItsOperation() {
    assertThrows(
        SharedStateUnavailableException.class,
        () ->
            RedisCommands.run(
                "find a job",
                () -> {
                  throw new JedisConnectionException("refused");
                }));
    assertThrows(
        SharedStateUnavailableException.class,
        () ->
            RedisCommands.run(
                "register a job",
                () -> {
                  throw new JedisDataException("ERR");
                }));
    errors.failed("take a rate-limit token", new JedisConnectionException("refused"));
    errors.failed("take a rate-limit token", new CircuitBreakerOpenException());

    assertEquals(
        Map.of("find a job", 1L, "register a job", 1L, "take a rate-limit token", 1L), counts());
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    reader.collectAllMetrics().stream()
        .filter(metric -> metric.getName().equals(RedisErrors.ERRORS))
        .flatMap(metric -> metric.getLongSumData().getPoints().stream())
        .forEach(p -> counts.put(p.getAttributes().get(RedisErrors.OPERATION), p.getValue()));
    return counts;
  }
}
